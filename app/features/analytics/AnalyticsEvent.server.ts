import { z } from "zod";

import { isUniqueViolation, type Db } from "../../db-types.server";
import prisma from "../../db.server";
import { deleteShopCounters, ShopIpRateLimit, type Limit } from "../../platform/rate-limits.server";
import { FAQ_LIMITS, HANDLE_PATTERN } from "../faq/Faq.shared";
import { scrubQuery } from "./scrub-query.server";

/**
 * Privacy-safe storefront analytics: what shoppers search, which articles they open and find helpful, how often
 * they track or start a return. Each event carries a random session id the block makes (no cookie, no customer
 * id, no IP) and never personal data: search text is scrubbed (scrub-query.server.ts) before it is stored.
 *
 * Nothing here can be linked to a customer: the session id is a fresh random UUID per page view, the request's
 * customer id and IP are not kept, and an article id is one of the shop's published articles. A compliance
 * request therefore finds nothing to export or delete (compliance/personal-data.server.ts).
 */

export { scrubQuery } from "./scrub-query.server";

export const ANALYTICS_EVENT_TYPES = [
  "search",
  "search_no_results",
  "article_open",
  "article_helpful",
  "tracking_view",
  "return_started",
  "contact_opened",
  "contact_sent",
] as const;

export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

/** The most events one request may carry; the block flushes its queue well before that. */
export const MAX_EVENTS_PER_BATCH = 25;

const SEARCH_TYPES: ReadonlySet<string> = new Set(["search", "search_no_results"]);
/** Events that mean the portal helped: an answer read, an order followed, a return started, a search that found something. */
export const HELPED_EVENT_TYPES: readonly AnalyticsEventType[] = [
  "article_open",
  "tracking_view",
  "return_started",
  "search",
];

const eventSchema = z
  .object({
    type: z.enum(ANALYTICS_EVENT_TYPES),
    query: z.string().max(500).optional(),
    // An article's handle, as the published FAQ names it (the block's `data-article`).
    articleId: z.string().max(FAQ_LIMITS.handle).regex(HANDLE_PATTERN).optional(),
    helpful: z.boolean().optional(),
    results: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((event) => !event.type.startsWith("article_") || event.articleId !== undefined, {
    message: "An article event names its article.",
  })
  .refine((event) => event.type !== "article_helpful" || event.helpful !== undefined, {
    message: "A rating says whether the answer helped.",
  });

/**
 * The session id as the block makes it: `crypto.randomUUID()`, a random version-4 UUID in lower case
 * (storefront/api.ts `randomId`). Anything else did not come from the block and could carry data (an email, a
 * customer id): the batch is refused.
 */
export const SESSION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const analyticsBatchSchema = z.object({
  sessionId: z.string().regex(SESSION_ID_PATTERN),
  locale: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/)
    .optional(),
  events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type AnalyticsBatch = z.infer<typeof analyticsBatchSchema>;
type AnalyticsEventInput = AnalyticsBatch["events"][number];

function eventData(event: AnalyticsEventInput): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (event.query !== undefined && SEARCH_TYPES.has(event.type)) data.query = scrubQuery(event.query);
  if (event.articleId !== undefined) data.articleId = event.articleId;
  if (event.helpful !== undefined) data.helpful = event.helpful;
  if (event.results !== undefined) data.results = event.results;
  return data;
}

/** The article handles of the batch that name one of the shop's published articles. */
async function publishedArticles(shop: string, events: AnalyticsEventInput[], db: Db): Promise<Set<string>> {
  const handles = [...new Set(events.flatMap((event) => (event.articleId ? [event.articleId] : [])))];
  if (handles.length === 0) return new Set();
  const found = await db.faqArticle.findMany({
    where: { shop, status: "published", handle: { in: handles } },
    select: { handle: true },
  });
  return new Set(found.map((article) => article.handle));
}

/**
 * Stores a batch (already validated); returns how many events were kept. An event naming an article the shop has
 * not published is dropped, not stored, and the rest of the batch is kept: the block sends with `sendBeacon`, which
 * reads no answer, and a page rendered before the merchant renamed or unpublished an article still names it, so
 * refusing the whole batch would only lose that visit's other events. `stored` in the answer says what was kept.
 */
export async function recordAnalyticsEvents(shop: string, batch: AnalyticsBatch, db: Db = prisma): Promise<number> {
  const articles = await publishedArticles(shop, batch.events, db);
  const kept = batch.events.filter((event) => event.articleId === undefined || articles.has(event.articleId));
  if (kept.length === 0) return 0;
  const { count } = await db.analyticsEvent.createMany({
    data: kept.map((event) => {
      const data = eventData(event);
      return {
        shop,
        sessionId: batch.sessionId,
        type: event.type,
        data: JSON.stringify(data),
        query: typeof data.query === "string" && data.query ? data.query : null,
        helpful: event.type === "article_helpful" ? (event.helpful ?? null) : null,
        locale: batch.locale ?? null,
      };
    }),
  });
  await recordVisit(shop, batch.sessionId, kept, db);
  return count;
}

/** The visit the batch belongs to: seen now, and whether it found help or sent a message (once true, true). */
async function recordVisit(shop: string, sessionId: string, events: AnalyticsEventInput[], db: Db) {
  const lastSeenAt = new Date();
  const flags = {
    ...(events.some((event) => HELPED_EVENT_TYPES.includes(event.type)) && { helped: true }),
    ...(events.some((event) => event.type === "contact_sent") && { contacted: true }),
  };
  const upsert = () =>
    db.analyticsSession.upsert({
      where: { shop_sessionId: { shop, sessionId } },
      create: { shop, sessionId, lastSeenAt, ...flags },
      update: { lastSeenAt, ...flags },
    });
  try {
    await upsert();
  } catch (error) {
    // Two batches of one visit arriving together both tried to create it: the second one now updates.
    if (!isUniqueViolation(error)) throw error;
    await upsert();
  }
}

/** Counters of analytics batches per shop and visitor IP (a keyed hash of it). */
export const ANALYTICS_RATE_PREFIX = "analytics-ip";

export async function deleteShopAnalytics(shop: string, db: Db): Promise<number> {
  const events = await db.analyticsEvent.deleteMany({ where: { shop } });
  return events.count + (await deleteShopCounters([ANALYTICS_RATE_PREFIX], shop, db));
}

export async function deleteShopVisits(shop: string, db: Db): Promise<number> {
  return (await db.analyticsSession.deleteMany({ where: { shop } })).count;
}

/** Batches one visitor (shop + IP) may send: generous for a real session, a wall for a flood. */
export const DEFAULT_ANALYTICS_LIMIT: Limit = { points: 60, durationSeconds: 60 };

let limit = DEFAULT_ANALYTICS_LIMIT;
let rateLimit: ShopIpRateLimit | undefined;

/** For tests (a small limit) and operators; the default suits production. */
export function configureAnalyticsLimit(next: Limit) {
  limit = next;
  rateLimit = undefined;
}

export type AnalyticsResult =
  { outcome: "stored"; count: number } | { outcome: "rate_limited"; retryAfterSeconds: number };

/** One batch from the storefront: counted against the visitor's limit, then stored scrubbed. */
export async function acceptAnalyticsBatch(shop: string, ip: string, batch: AnalyticsBatch): Promise<AnalyticsResult> {
  rateLimit ??= new ShopIpRateLimit({ prefix: ANALYTICS_RATE_PREFIX, ...limit });
  const retryAfterSeconds = await rateLimit.consume(shop, ip);
  if (retryAfterSeconds > 0) return { outcome: "rate_limited", retryAfterSeconds };
  return { outcome: "stored", count: await recordAnalyticsEvents(shop, batch) };
}
