import { z } from "zod";

import type { Db } from "../../db-types.server";
import prisma, { isPostgresUrl } from "../../db.server";
import { env } from "../../env.server";
import { getContactRequest } from "./ContactRequest.server";

/**
 * The merchant's view of contact requests: one page of the inbox (open, resolved or all, searched by reference,
 * name or email), the count of each status for the tabs, and resolving or reopening one request. Every query is
 * scoped by shop: another shop's request is as absent as a missing one.
 */

export const INBOX_PAGE_SIZE = 25;

export const INBOX_STATUSES = ["open", "resolved", "all"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** The list's filters as they arrive in the URL; anything unusable falls back to the default, never an error. */
export const inboxFiltersSchema = z.object({
  status: z.enum(INBOX_STATUSES).catch("open").default("open"),
  query: z.string().trim().max(254).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

/** The filters of the list's URL (`?status=&query=&page=`), defaults for anything missing or unusable. */
export function inboxFiltersFrom(search: URLSearchParams): InboxFilters {
  return inboxFiltersSchema.parse({
    status: search.get("status") ?? undefined,
    query: search.get("query") ?? undefined,
    page: search.get("page") ?? undefined,
  });
}

/** The first line of a message, cut at a word near `max` characters: enough to tell requests apart in a list. */
export function messageExcerpt(message: string, max = 90): string {
  const firstLine =
    message
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== "") ?? "";
  if (firstLine.length <= max) return firstLine;
  const cut = firstLine.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// PostgreSQL compares case-sensitively unless asked; SQLite's LIKE already ignores ASCII case and has no `mode`.
const CASE_INSENSITIVE: object = isPostgresUrl(env.DATABASE_URL) ? { mode: "insensitive" } : {};

function inboxWhere(shop: string, filters: Pick<InboxFilters, "status" | "query">) {
  const search = filters.query.trim();
  // Only a typed "R-" is a prefix: the code itself may start with R (it is in the alphabet).
  const reference = `R-${search.replace(/^r-/i, "").toUpperCase()}`;
  return {
    shop,
    ...(filters.status === "all" ? {} : { status: filters.status }),
    ...(search
      ? {
          OR: [
            { reference },
            // Emails are stored lower-cased.
            { email: { contains: search.toLowerCase() } },
            { name: { contains: search, ...CASE_INSENSITIVE } },
          ],
        }
      : {}),
  };
}

export interface InboxRow {
  id: string;
  reference: string;
  name: string;
  email: string;
  excerpt: string;
  orderName: string | null;
  /** False for an order number a guest typed, which nobody checked. */
  orderVerified: boolean;
  /** Set when a signed-in shopper's order could not be checked because Shopify was not answering. */
  orderUnverifiedReason: OrderUnverifiedReason | null;
  status: "open" | "resolved";
  createdAt: string;
}

/** One page of a shop's requests, newest first. */
export async function listInbox(
  shop: string,
  filters: InboxFilters,
  db: Db = prisma,
): Promise<{ requests: InboxRow[]; page: number; hasNextPage: boolean }> {
  const rows = await db.contactRequest.findMany({
    where: inboxWhere(shop, filters),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (filters.page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE + 1,
    select: {
      id: true,
      reference: true,
      name: true,
      email: true,
      message: true,
      orderId: true,
      orderName: true,
      context: true,
      createdAt: true,
      status: true,
    },
  });
  const requests = rows.slice(0, INBOX_PAGE_SIZE).map((row) => ({
    id: row.id,
    reference: row.reference,
    name: row.name,
    email: row.email,
    excerpt: messageExcerpt(row.message),
    orderName: row.orderName,
    ...orderCheck(row.orderId, parseStoredContext(row.context)),
    status: row.status === "resolved" ? ("resolved" as const) : ("open" as const),
    createdAt: row.createdAt.toISOString(),
  }));
  return { requests, page: filters.page, hasNextPage: rows.length > INBOX_PAGE_SIZE };
}

function parseStoredContext(context: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(context);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type OrderUnverifiedReason = "shopify_unavailable";

/** Whether the order the shopper named was checked as theirs, and if not, whether an outage is why. */
function orderCheck(orderId: string | null, stored: Record<string, unknown>) {
  const orderVerified = orderId !== null || stored.orderVerified === true;
  const orderUnverifiedReason: OrderUnverifiedReason | null =
    !orderVerified && stored.orderUnverifiedReason === "shopify_unavailable" ? "shopify_unavailable" : null;
  return { orderVerified, orderUnverifiedReason };
}

/** How many requests the shop has in each status (the tabs' counts). */
export async function countInbox(shop: string, db: Db = prisma): Promise<{ open: number; resolved: number }> {
  const [open, resolved] = await Promise.all([
    db.contactRequest.count({ where: { shop, status: "open" } }),
    db.contactRequest.count({ where: { shop, status: "resolved" } }),
  ]);
  return { open, resolved };
}

/**
 * Resolves or reopens a request. Idempotent: asking again for the status it already has changes nothing (the time
 * it was resolved stays the first one). `not_found` for a request the shop does not have.
 */
export async function changeRequestStatus(
  shop: string,
  id: string,
  status: "open" | "resolved",
  db: Db = prisma,
): Promise<"changed" | "unchanged" | "not_found"> {
  const { count } = await db.contactRequest.updateMany({
    where: { shop, id, status: { not: status } },
    data: { status, resolvedAt: status === "resolved" ? new Date() : null },
  });
  if (count === 1) return "changed";
  const exists = await db.contactRequest.count({ where: { shop, id } });
  return exists ? "unchanged" : "not_found";
}

const searchEntry = z.string();
const articleEntry = z.object({ id: z.string(), title: z.string() });
const eligibilityEntry = z.object({
  order: z.string(),
  line: z.string().optional(),
  eligible: z.boolean(),
  reason: z.string().optional(),
});
const NOTIFICATIONS = ["sent", "failed", "not_configured"] as const;

/** Keeps the entries of one stored list that have the expected shape; anything else is left out, never an error. */
function entries<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** What the shopper tried before writing, as the request page shows it, from a stored context of any age. */
export function readContactContext(stored: Record<string, unknown>) {
  const notification = NOTIFICATIONS.find((status) => status === stored.notification) ?? null;
  return {
    searches: entries(stored.searches, searchEntry),
    articles: entries(stored.articles, articleEntry),
    eligibility: entries(stored.eligibility, eligibilityEntry),
    page: typeof stored.page === "string" && stored.page !== "" ? stored.page : null,
    notification,
    orderVerified: stored.orderVerified === true,
  };
}

/** One request of the shop as its page shows it (dates as ISO strings, the context read), or null. */
export async function getInboxRequest(shop: string, id: string, db: Db = prisma) {
  const found = await getContactRequest(shop, id, db);
  if (!found) return null;
  const context = readContactContext(found.context as unknown as Record<string, unknown>);
  return {
    id: found.id,
    reference: found.reference,
    name: found.name,
    email: found.email,
    message: found.message,
    orderName: found.orderName,
    orderId: found.orderId,
    ...orderCheck(found.orderId, found.context as unknown as Record<string, unknown>),
    locale: found.locale,
    status: found.status === "resolved" ? ("resolved" as const) : ("open" as const),
    createdAt: found.createdAt.toISOString(),
    resolvedAt: found.resolvedAt?.toISOString() ?? null,
    context,
  };
}
