import { createHmac } from "node:crypto";
import { isIP } from "node:net";

import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import type { Db } from "../db-types.server";
import prisma from "../db.server";
import { isUniqueViolation } from "../db-types.server";
import { env } from "../env.server";

/**
 * Rate limits on the storefront's doors, counted with rate-limiter-flexible in the database table
 * `RateLimiterFlexible`, so every app server shares the counters. A counter's row key is
 * `<prefix>:<shop>:<what is counted>`: the shop's counters are found (and deleted on shop/redact) by prefix.
 */

export interface Limit {
  points: number;
  durationSeconds: number;
}

/**
 * The shopper's IP as Shopify's app proxy forwards it: the first address of `X-Forwarded-For` (Shopify's proxy
 * writes the client address there; a load balancer in front of the app appends its own hops after it). The
 * header is not covered by the app-proxy signature, so this is a best effort: a limit that matters must not
 * depend on it alone. Requests without a usable address share one bucket per shop.
 */
export function shopperIp(request: Request): string {
  const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  const address = first.replace(/^\[(.*)\]$/, "$1");
  return isIP(address) ? address : "unknown";
}

/**
 * IPs and emails are personal data: a counter is keyed by a keyed hash of them, which cannot be reversed (or
 * checked against a list of addresses) without the app secret. `value` names what it hashes
 * (`guest-lookup:email:…`), so equal values counted by different limits never share a key.
 */
export function keyedHash(value: string): string {
  return createHmac("sha256", env.SHOPIFY_API_SECRET).update(value).digest("hex").slice(0, 32);
}

/**
 * The Prisma store upserts the counter row; two first attempts at the same moment can both try to create it and
 * one loses on the primary key (PostgreSQL). The row exists then, so a second try increments it.
 */
export async function retryOnRace<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return operation();
  }
}

/** Counts one point against `key`: seconds to wait when the limit is reached, or 0 when the attempt is allowed. */
export async function consumePoint(limiter: RateLimiterPrisma, key: string): Promise<number> {
  try {
    await retryOnRace(() => limiter.consume(key, 1));
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

/** Deletes every counter of a shop kept under these prefixes (shop/redact). */
export async function deleteShopCounters(prefixes: readonly string[], shop: string, db: Db): Promise<number> {
  const { count } = await db.rateLimiterFlexible.deleteMany({
    where: { OR: prefixes.map((prefix) => ({ key: { startsWith: `${prefix}:${shop}:` } })) },
  });
  return count;
}

/** A limit per shop and visitor IP (a keyed hash, never the address itself), under its own counter prefix. */
export class ShopIpRateLimit {
  private readonly limiter: RateLimiterPrisma;
  private readonly prefix: string;

  constructor({ prefix, points, durationSeconds }: Limit & { prefix: string }, db: Db = prisma) {
    this.prefix = prefix;
    this.limiter = new RateLimiterPrisma({ storeClient: db, keyPrefix: prefix, points, duration: durationSeconds });
  }

  /** Seconds to wait when the limit is reached, or 0 when the request is allowed. */
  consume(shop: string, ip: string): Promise<number> {
    return consumePoint(this.limiter, `${shop}:${keyedHash(`${this.prefix}:ip:${ip}`)}`);
  }
}
