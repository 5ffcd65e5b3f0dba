import { RateLimiterPrisma } from "rate-limiter-flexible";

import type { Db } from "../../db-types.server";
import prisma from "../../db.server";
import {
  consumePoint,
  deleteShopCounters,
  keyedHash,
  retryOnRace,
  type Limit,
} from "../../platform/rate-limits.server";

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
      perIp: `${input.shop}:${keyedHash(`guest-lookup:ip:${input.ip}`)}`,
      perOrder: `${input.shop}:${input.orderNumber.toLowerCase()}`,
      perEmail: `${input.shop}:${emailHash(input.email)}`,
    };
    for (const name of ["perIp", "perOrder", "perEmail"] as const) {
      const refused = await consumePoint(this.limiters[name], keys[name]);
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

/** IPs and emails are only ever counted under a keyed hash (see `keyedHash`). */
function emailHash(email: string): string {
  return keyedHash(`guest-lookup:email:${email.trim().toLowerCase()}`);
}

/** Deletes the counter of a customer's email (customers/redact); it lives 15 minutes at most anyway. */
export async function deleteCustomerRateLimits(shop: string, email: string | null | undefined, db: Db) {
  if (!email) return 0;
  const key = `${PREFIXES.perEmail}:${shop}:${emailHash(email)}`;
  return (await db.rateLimiterFlexible.deleteMany({ where: { key } })).count;
}

/** Deletes a shop's counters (shop/redact): hashed IPs and emails, and order numbers. */
export async function deleteShopRateLimits(shop: string, db: Db): Promise<number> {
  return deleteShopCounters(Object.values(PREFIXES), shop, db);
}
