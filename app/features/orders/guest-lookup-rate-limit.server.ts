import { createHmac } from "node:crypto";
import { isIP } from "node:net";

import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import type { Db } from "../../db-types.server";
import prisma from "../../db.server";
import { isUniqueViolation } from "../../db-types.server";
import { env } from "../../env.server";

/**
 * Limits on guest order lookups (order number + email), which are the one storefront door a stranger can knock
 * on without signing in. Three counters, all kept in the database (`RateLimiterFlexible`) so every app server
 * shares them:
 * - per shop and shopper IP: how many lookups one visitor may try, whatever they type;
 * - per shop and order number: how many *failed* lookups one order may receive from anywhere, so guessing the
 *   email of a known order number from many addresses is slow too;
 * - per shop and email: the same for one email, because order numbers are sequential and easy to guess for
 *   someone who knows a shopper's address.
 * A successful lookup gives its order and email points back, so a shopper who checks their parcel ten times is
 * never locked out by the last two.
 */
export interface GuestLookupLimits {
  perIp: Limit;
  perOrder: Limit;
  perEmail: Limit;
}

interface Limit {
  points: number;
  durationSeconds: number;
}

export const DEFAULT_GUEST_LOOKUP_LIMITS: GuestLookupLimits = {
  perIp: { points: 10, durationSeconds: 10 * 60 },
  perOrder: { points: 5, durationSeconds: 15 * 60 },
  perEmail: { points: 5, durationSeconds: 15 * 60 },
};

const PREFIXES = { perIp: "guest-lookup-ip", perOrder: "guest-lookup-order", perEmail: "guest-lookup-email" } as const;

/** The counters to give back if the lookup succeeds. */
export interface FailureKeys {
  order: string;
  email: string;
}

export type LookupAttempt = { allowed: true; failureKeys: FailureKeys } | { allowed: false; retryAfterSeconds: number };

export class GuestLookupRateLimit {
  private readonly limiters: Record<keyof GuestLookupLimits, RateLimiterPrisma>;

  constructor(limits: GuestLookupLimits = DEFAULT_GUEST_LOOKUP_LIMITS, db: Db = prisma) {
    const limiter = (name: keyof GuestLookupLimits) =>
      new RateLimiterPrisma({
        storeClient: db,
        keyPrefix: PREFIXES[name],
        points: limits[name].points,
        duration: limits[name].durationSeconds,
        // One limiter sweeps rows expired over an hour ago (the whole table, every 5 minutes, on an unref'd
        // timer); an expired row is otherwise only replaced when the same key comes back.
        clearExpiredByTimeout: name === "perIp",
      });
    this.limiters = { perIp: limiter("perIp"), perOrder: limiter("perOrder"), perEmail: limiter("perEmail") };
  }

  /**
   * Counts one lookup attempt against every limit, the IP first, so a visitor who is already blocked cannot use
   * up an order's or an email's attempts.
   */
  async attempt(input: { shop: string; ip: string; orderNumber: string; email: string }): Promise<LookupAttempt> {
    const keys = {
      perIp: `${input.shop}:${keyedHash(`ip:${input.ip}`)}`,
      perOrder: `${input.shop}:${input.orderNumber.toLowerCase()}`,
      perEmail: `${input.shop}:${emailHash(input.email)}`,
    };
    for (const name of ["perIp", "perOrder", "perEmail"] as const) {
      const refused = await consume(this.limiters[name], keys[name]);
      if (refused) return { allowed: false, retryAfterSeconds: refused };
    }
    return { allowed: true, failureKeys: { order: keys.perOrder, email: keys.perEmail } };
  }

  /** The lookup succeeded (or never reached a verdict): its order and email points are given back. */
  async giveBack(keys: FailureKeys): Promise<void> {
    await retryOnRace(() => this.limiters.perOrder.reward(keys.order, 1));
    await retryOnRace(() => this.limiters.perEmail.reward(keys.email, 1));
  }
}

/** Seconds to wait when the limit is reached, or 0 when the attempt is allowed. */
async function consume(limiter: RateLimiterPrisma, key: string): Promise<number> {
  try {
    await retryOnRace(() => limiter.consume(key, 1));
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

/**
 * The Prisma store upserts the counter row; two first attempts at the same moment can both try to create it and
 * one loses on the primary key (PostgreSQL). The row exists then, so a second try increments it.
 */
async function retryOnRace<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return operation();
  }
}

/**
 * The shopper's IP as Shopify's app proxy forwards it: the first address of `X-Forwarded-For` (Shopify's proxy
 * writes the client address there; a load balancer in front of the app appends its own hops after it). The
 * header is not covered by the app-proxy signature, so this is a best effort: the per-order-number limit does
 * not depend on it. Requests without a usable address share one bucket per shop.
 */
export function shopperIp(request: Request): string {
  const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  const address = first.replace(/^\[(.*)\]$/, "$1");
  return isIP(address) ? address : "unknown";
}

/**
 * IPs and emails are personal data: only a keyed hash is stored, which cannot be reversed (or checked against a
 * list of addresses) without the app secret.
 */
function emailHash(email: string): string {
  return keyedHash(`email:${email.trim().toLowerCase()}`);
}

function keyedHash(value: string): string {
  return createHmac("sha256", env.SHOPIFY_API_SECRET).update(`guest-lookup:${value}`).digest("hex").slice(0, 32);
}

/** Deletes the counter of a customer's email (customers/redact); it lives 15 minutes at most anyway. */
export async function deleteCustomerRateLimits(db: Db, shop: string, email: string | null | undefined) {
  if (!email) return 0;
  const key = `${PREFIXES.perEmail}:${shop}:${emailHash(email)}`;
  return (await db.rateLimiterFlexible.deleteMany({ where: { key } })).count;
}

/** Deletes a shop's counters (shop/redact): hashed IPs and emails, and order numbers. */
export async function deleteShopRateLimits(db: Db, shop: string): Promise<number> {
  const { count } = await db.rateLimiterFlexible.deleteMany({
    where: { OR: Object.values(PREFIXES).map((prefix) => ({ key: { startsWith: `${prefix}:${shop}:` } })) },
  });
  return count;
}
