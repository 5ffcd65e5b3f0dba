import { createHmac } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import type { Db } from "../db-types.server";
import prisma from "../db.server";
import { isUniqueViolation } from "../db-types.server";
import { env } from "../env.server";
import { clientAddress, rateLimitSource } from "./client-address.server";

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
 * What a storefront request's limits count: the shopper's address as the trusted hops in front of the app report
 * it (never a value the client chose), an IPv6 address by its /64. See platform/client-address.server.ts.
 */
export function shopperSource(request: Request, context: AppLoadContext | undefined): string {
  return rateLimitSource(clientAddress(request, context, env.TRUSTED_PROXY_HOPS));
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

export interface Count {
  /** Points `key` holds in its window, this one included. */
  consumed: number;
  /** Seconds until the window ends when this point went past the limit, else 0. */
  retryAfterSeconds: number;
}

/** Counts one point against `key` (past the limit too: the row keeps counting until its window ends). */
export async function countPoint(limiter: RateLimiterPrisma, key: string): Promise<Count> {
  try {
    const counted = await retryOnRace(() => limiter.consume(key, 1));
    return { consumed: counted.consumedPoints, retryAfterSeconds: 0 };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { consumed: refusal.consumedPoints, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
  }
}

/** Counts one point against `key`: seconds to wait when the limit is reached, or 0 when the attempt is allowed. */
export async function consumePoint(limiter: RateLimiterPrisma, key: string): Promise<number> {
  return (await countPoint(limiter, key)).retryAfterSeconds;
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

  /** Seconds to wait when the limit is reached, or 0 when the request is allowed; `ip` as `shopperSource` gives it. */
  consume(shop: string, ip: string): Promise<number> {
    return consumePoint(this.limiter, this.key(shop, ip));
  }

  /** Gives back the point `consume` took, for a request that failed on our side and so should not count. */
  async refund(shop: string, ip: string): Promise<void> {
    await retryOnRace(() => this.limiter.reward(this.key(shop, ip), 1));
  }

  private key(shop: string, ip: string) {
    return `${shop}:${keyedHash(`${this.prefix}:ip:${ip}`)}`;
  }
}
