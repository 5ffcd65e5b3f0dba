import { z } from "zod";

import prisma from "../../db.server";
import { isUniqueViolation, type Db } from "../../db-types.server";
import { filingAttemptSchema, type FilingAttempt } from "./recognise-our-return";

/**
 * A return a signed-in shopper submitted from the storefront, stored BEFORE it is filed in Shopify so that
 * nothing is lost when Shopify is down, and unique per shop and idempotency key (a UUID the block generates per
 * submission) so that a retry or a double click files exactly one Shopify return.
 *
 * Life of a submission: `pending` (stored) → `filing` (one request holds the filing lease) → `filed` (Shopify
 * answered with a return id) or `failed` (Shopify unavailable, or it refused: `error` holds the key). A failed
 * or pending submission is filed again by a retry with the same key; a `filing` lease older than the lease (the
 * request holding it died) may be taken over. `filingAttempt` is set while a filing Shopify may have carried out
 * is unsettled (sent, no answer yet or none received): a retry first asks Shopify for it (file-return.server.ts).
 */

export const SUBMISSION_STATUSES = ["pending", "filing", "filed", "failed"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * Longer than asking Shopify for the order's returns (`callShopify`'s three tries with back-off) and then sending
 * the mutation once, each cut off by `SHOPIFY_TIMEOUT_MS`: a live request never loses its lease.
 */
export const FILING_LEASE_MS = 60_000;

/**
 * How long after sending a filing Shopify may still carry it out although Resolve stopped waiting (a request
 * Shopify is slow to run, ADR 0007): until then a retry that finds no return of ours says "still working" instead
 * of filing again. Longer than the lease, so a request that died holding it is covered too.
 */
export const FILING_SETTLE_MS = 5 * 60_000;

export interface FilingTiming {
  leaseMs: number;
  settleMs: number;
}

export const DEFAULT_FILING_TIMING: FilingTiming = { leaseMs: FILING_LEASE_MS, settleMs: FILING_SETTLE_MS };

let timing: FilingTiming = DEFAULT_FILING_TIMING;

export function filingTiming(): FilingTiming {
  return timing;
}

/** Tests shorten the lease and the settling time; values left out keep their defaults. */
export function configureFilingTiming(next: Partial<FilingTiming>): void {
  timing = { ...DEFAULT_FILING_TIMING, ...next };
}

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
  filingAttempt: FilingAttempt | null;
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
    filingAttempt: row.filingAttempt ? filingAttemptSchema.parse(JSON.parse(row.filingAttempt)) : null,
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
  const staleBefore = new Date(now.getTime() - timing.leaseMs);
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

/**
 * The filing is about to be sent: from now on Shopify may hold its return, so every retry asks Shopify first. Only
 * the lease holder records it (a request whose lease was taken over sends nothing).
 */
export async function recordAttempt(
  shop: string,
  id: string,
  attempt: FilingAttempt,
  db: Db = prisma,
): Promise<boolean> {
  const { count } = await db.returnSubmission.updateMany({
    where: { id, shop, status: "filing" },
    data: { filingAttempt: JSON.stringify(filingAttemptSchema.parse(attempt)) },
  });
  return count === 1;
}

/**
 * The lease holder lets go without knowing whether Shopify holds the return (no answer, or Shopify could not be
 * asked): failed as `shopify_unavailable`, the attempt kept for the next retry to ask about.
 */
export async function recordUnsettled(shop: string, id: string, db: Db = prisma): Promise<void> {
  await db.returnSubmission.updateMany({
    where: { id, shop, status: "filing" },
    data: { status: "failed", error: "shopify_unavailable" },
  });
}

/** Shopify holds no return of the attempt and can no longer carry it out: the next filing starts afresh. */
export async function clearAttempt(shop: string, id: string, db: Db = prisma): Promise<void> {
  await db.returnSubmission.updateMany({ where: { id, shop, status: "filing" }, data: { filingAttempt: null } });
}

/** The Shopify returns other submissions of the shop for this order were answered with (never ours to take). */
export async function returnIdsOfOtherSubmissions(
  shop: string,
  orderId: string,
  exceptId: string,
  db: Db = prisma,
): Promise<Set<string>> {
  const rows = await db.returnSubmission.findMany({
    where: { shop, orderId, id: { not: exceptId }, shopifyReturnId: { not: null } },
    select: { shopifyReturnId: true },
  });
  return new Set(rows.flatMap((row) => (row.shopifyReturnId ? [row.shopifyReturnId] : [])));
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
    data: {
      status: "filed",
      shopifyReturnId: shopifyReturn.id,
      shopifyStatus: shopifyReturn.status,
      error: null,
      filingAttempt: null,
    },
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
  await db.returnSubmission.updateMany({
    where: { id, shop, status: "filing" },
    data: { status: "failed", error, filingAttempt: null },
  });
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
