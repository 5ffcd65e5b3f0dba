import { z } from "zod";

import type { Db } from "../../db-types.server";
import prisma from "../../db.server";
import { deleteShopCounters, ShopIpRateLimit, type Limit } from "../../platform/rate-limits.server";

/**
 * Privacy-safe storefront analytics: what shoppers search, which articles they open and find helpful, how often
 * they track or start a return. Each event carries a random session id the block makes (no cookie, no customer
 * id, no IP) and never personal data: query text that looks like an email, an order number or a phone number is
 * replaced by a placeholder before it is stored.
 */

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
const MAX_QUERY_LENGTH = 120;

const eventSchema = z.object({
  type: z.enum(ANALYTICS_EVENT_TYPES),
  query: z.string().max(500).optional(),
  articleId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  helpful: z.boolean().optional(),
  results: z.number().int().min(0).max(10_000).optional(),
});

export const analyticsBatchSchema = z.object({
  // A random id the block keeps for one browser session: letters, digits and dashes (a UUID), nothing else.
  sessionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  locale: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/)
    .optional(),
  events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type AnalyticsBatch = z.infer<typeof analyticsBatchSchema>;

const EMAIL = /[^\s@]+@[^\s@]+/g;
// An order number as shoppers type it: "#1001", "order 1001", or any run of 4+ digits (phone numbers included,
// with their usual separators).
const PHONE_OR_NUMBER = /\+?\d[\d\s().-]{2,}\d/g;
const ORDER_REF = /#\s*[A-Za-z0-9-]+/g;

/**
 * Query text without personal data: emails, order references and long numbers (order numbers, phone numbers,
 * postcodes) become placeholders, whitespace is collapsed, and the text is cut to a bounded length. "Where is my
 * order #1042 jane@example.com" is stored as "where is my order [order] [email]".
 */
export function scrubQuery(text: string): string {
  return text
    .replace(EMAIL, " [email] ")
    .replace(ORDER_REF, " [order] ")
    .replace(PHONE_OR_NUMBER, (match) => (match.replace(/\D/g, "").length >= 4 ? " [number] " : match))
    .replace(/\s+/g, " ")
    .replace(/ ([?!.,;:])/g, "$1")
    .trim()
    .toLowerCase()
    .slice(0, MAX_QUERY_LENGTH);
}

function eventData(event: AnalyticsBatch["events"][number]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (event.query !== undefined) data.query = scrubQuery(event.query);
  if (event.articleId !== undefined) data.articleId = event.articleId;
  if (event.helpful !== undefined) data.helpful = event.helpful;
  if (event.results !== undefined) data.results = event.results;
  return data;
}

/** Stores a batch (already validated); returns how many events were kept. */
export async function recordAnalyticsEvents(shop: string, batch: AnalyticsBatch, db: Db = prisma): Promise<number> {
  const { count } = await db.analyticsEvent.createMany({
    data: batch.events.map((event) => ({
      shop,
      sessionId: batch.sessionId,
      type: event.type,
      data: JSON.stringify(eventData(event)),
      locale: batch.locale ?? null,
    })),
  });
  return count;
}

/** Counters of analytics batches per shop and visitor IP (a keyed hash of it). */
export const ANALYTICS_RATE_PREFIX = "analytics-ip";

export async function deleteShopAnalytics(shop: string, db: Db): Promise<number> {
  const events = await db.analyticsEvent.deleteMany({ where: { shop } });
  return events.count + (await deleteShopCounters([ANALYTICS_RATE_PREFIX], shop, db));
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
