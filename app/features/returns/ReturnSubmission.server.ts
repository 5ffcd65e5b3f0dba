import { z } from "zod";

import prisma from "../../db.server";
import { isUniqueViolation, type Db } from "../../db-types.server";

/**
 * A return a signed-in shopper submitted from the storefront, stored BEFORE it is filed in Shopify so that
 * nothing is lost when Shopify is down, and unique per shop and idempotency key (a UUID the block generates per
 * submission) so that a retry or a double click files exactly one Shopify return.
 *
 * Life of a submission: `pending` (stored) → `filing` (one request holds the filing lease) → `filed` (Shopify
 * answered with a return id) or `failed` (Shopify unavailable, or it refused: `error` holds the key). A failed
 * or pending submission is filed again by a retry with the same key; a `filing` lease older than
 * `FILING_LEASE_MS` (the request holding it died) may be taken over.
 */

export const SUBMISSION_STATUSES = ["pending", "filing", "filed", "failed"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Longer than `callShopify`'s three tries with back-off, so a live request never loses its lease. */
export const FILING_LEASE_MS = 60_000;

export const RESOLUTION_PREFERENCES = ["refund", "storeCredit", "exchange"] as const;

/** What the shopper asked for, as stored (`ReturnSubmission.request`). The note is plain text, never HTML. */
export const submissionRequestSchema = z.object({
  orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d{1,20}$/),
  lines: z
    .array(z.object({ lineItemId: z.string().min(1).max(100), quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(250),
  reasonId: z.string().min(1).max(100),
  note: z.string().max(2000).nullable(),
  resolution: z.enum(RESOLUTION_PREFERENCES),
  exchangeVariantId: z.string().max(100).nullable(),
});

export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

export interface ReturnSubmissionRecord {
  id: string;
  shop: string;
  idempotencyKey: string;
  orderId: string;
  customerId: string;
  status: SubmissionStatus;
  request: SubmissionRequest;
  shopifyReturnId: string | null;
  shopifyStatus: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Awaited<ReturnType<typeof prisma.returnSubmission.findFirstOrThrow>>;

function toRecord(row: Row): ReturnSubmissionRecord {
  return {
    ...row,
    status: (SUBMISSION_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as SubmissionStatus)
      : "pending",
    request: submissionRequestSchema.parse(JSON.parse(row.request)),
  };
}

export type StoreSubmissionResult =
  | { outcome: "created"; submission: ReturnSubmissionRecord }
  | { outcome: "existing"; submission: ReturnSubmissionRecord }
  /** The key was used before by another customer or for another order: never answer with their submission. */
  | { outcome: "key_conflict" };

/**
 * Stores a new pending submission, or finds the one already stored under this shop and key (a retry, a double
 * click, or a concurrent identical request that won the insert).
 */
export async function storeSubmission(
  input: { shop: string; idempotencyKey: string; customerId: string; request: SubmissionRequest },
  db: Db = prisma,
): Promise<StoreSubmissionResult> {
  const { shop, idempotencyKey, customerId, request } = input;
  const existing = await findSubmission(shop, idempotencyKey, db);
  if (existing) return sameOwner(existing, customerId, request.orderId);
  try {
    const row = await db.returnSubmission.create({
      data: {
        shop,
        idempotencyKey,
        customerId,
        orderId: request.orderId,
        status: "pending",
        request: JSON.stringify(request),
      },
    });
    return { outcome: "created", submission: toRecord(row) };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findSubmission(shop, idempotencyKey, db);
    if (!winner) throw error;
    return sameOwner(winner, customerId, request.orderId);
  }
}

function sameOwner(submission: ReturnSubmissionRecord, customerId: string, orderId: string): StoreSubmissionResult {
  return submission.customerId === customerId && submission.orderId === orderId
    ? { outcome: "existing", submission }
    : { outcome: "key_conflict" };
}

export async function findSubmission(
  shop: string,
  idempotencyKey: string,
  db: Db = prisma,
): Promise<ReturnSubmissionRecord | null> {
  const row = await db.returnSubmission.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
  return row ? toRecord(row) : null;
}

/**
 * Takes the filing lease: true for exactly one caller among concurrent ones (an atomic conditional update), and
 * only while the submission is pending, failed, or held by a request that stopped answering long ago.
 */
export async function claimFiling(shop: string, id: string, now: Date = new Date(), db: Db = prisma): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - FILING_LEASE_MS);
  const { count } = await db.returnSubmission.updateMany({
    where: {
      id,
      shop,
      OR: [{ status: { in: ["pending", "failed"] } }, { status: "filing", updatedAt: { lt: staleBefore } }],
    },
    data: { status: "filing", error: null, updatedAt: now },
  });
  return count === 1;
}

/** Shopify filed the return: its id and status (REQUESTED, or OPEN when auto-approved) are the answer from now on. */
export async function recordFiled(
  shop: string,
  id: string,
  shopifyReturn: { id: string; status: string },
  db: Db = prisma,
): Promise<ReturnSubmissionRecord> {
  await db.returnSubmission.updateMany({
    where: { id, shop },
    data: { status: "filed", shopifyReturnId: shopifyReturn.id, shopifyStatus: shopifyReturn.status, error: null },
  });
  return toRecord(await db.returnSubmission.findFirstOrThrow({ where: { id, shop } }));
}

/** Filing did not happen (`error`: a translatable key); a retry with the same key files it. */
export async function recordFailed(
  shop: string,
  id: string,
  error: string,
  db: Db = prisma,
): Promise<ReturnSubmissionRecord> {
  await db.returnSubmission.updateMany({ where: { id, shop, status: "filing" }, data: { status: "failed", error } });
  return toRecord(await db.returnSubmission.findFirstOrThrow({ where: { id, shop } }));
}

/**
 * Waits while another request holds the filing lease, so that a double click answers with the same outcome as
 * the first click. Returns the submission once it is no longer being filed, or as it is when `timeoutMs` runs out.
 */
export async function waitWhileFiling(
  shop: string,
  idempotencyKey: string,
  { timeoutMs = 15_000, pollMs = 50 }: { timeoutMs?: number; pollMs?: number } = {},
  db: Db = prisma,
): Promise<ReturnSubmissionRecord | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const submission = await findSubmission(shop, idempotencyKey, db);
    if (!submission || submission.status !== "filing" || Date.now() >= deadline) return submission;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The shopper's submissions for one order, newest first (the storefront lists them beside Shopify's returns). */
export async function listOrderSubmissions(
  shop: string,
  customerId: string,
  orderId: string,
  db: Db = prisma,
): Promise<ReturnSubmissionRecord[]> {
  const rows = await db.returnSubmission.findMany({
    where: { shop, customerId, orderId },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toRecord);
}

// ---- Compliance ----

/** customers/data_request: what the customer submitted, without internal ids. */
export async function exportCustomerSubmissions(shop: string, customerId: string, db: Db) {
  const rows = await db.returnSubmission.findMany({ where: { shop, customerId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({
    orderId: row.orderId,
    status: row.status,
    shopifyReturnId: row.shopifyReturnId,
    submittedAt: row.createdAt.toISOString(),
    request: JSON.parse(row.request) as unknown,
  }));
}

/** customers/redact: the submissions (with the shopper's notes) are deleted; Shopify keeps its own returns. */
export async function deleteCustomerSubmissions(shop: string, customerId: string, db: Db): Promise<number> {
  return (await db.returnSubmission.deleteMany({ where: { shop, customerId } })).count;
}

/** shop/redact. */
export async function deleteShopSubmissions(shop: string, db: Db): Promise<number> {
  return (await db.returnSubmission.deleteMany({ where: { shop } })).count;
}
