import { RateLimiterPrisma } from "rate-limiter-flexible";

import type { Db } from "../../db-types.server";
import prisma from "../../db.server";
import { countPoint, deleteShopCounters, keyedHash, retryOnRace, type Limit } from "../../platform/rate-limits.server";

/**
 * Limits on guest order lookups (order number + email), which are the one storefront door a stranger can knock
 * on without signing in (docs/decisions/0008-client-address-and-rate-limits.md). A "source" is the shopper's
 * address as `shopperSource` reads it from the trusted hops. All counters live in the database
 * (`RateLimiterFlexible`), so every app server shares them:
 * - per source, every lookup: a generous cap, because a lookup that finds its order costs nothing else, and one
 *   address may be a household or a mobile network's many phones re-checking their parcels;
 * - per source, failed lookups, whatever was typed;
 * - per order number, failed lookups from anywhere, and the same per email (order numbers are sequential, so an
 *   email is worth guessing for too). Past that limit the order (or email) *cools off* until the window ends: a
 *   source that has already failed on it is turned away, and a source that has not is still answered. The owner
 *   typing the right email from their own phone gets their order while a stranger is hammering it from elsewhere,
 *   and each address the stranger uses gets one guess per cooling-off instead of the limit's five.
 * A failure point is taken before the lookup (so concurrent attempts are counted exactly) and given back when the
 * lookup finds its order or Shopify does not answer.
 */
export interface GuestLookupLimits {
  /** Every lookup from one source, found or not. */
  perIp: Limit;
  /** Failed lookups from one source. */
  perIpFailures: Limit;
  /** Failed lookups of one order number from anywhere, before it cools off. */
  perOrder: Limit;
  /** Failed lookups of one email from anywhere, before it cools off. */
  perEmail: Limit;
}

export const DEFAULT_GUEST_LOOKUP_LIMITS: GuestLookupLimits = {
  perIp: { points: 120, durationSeconds: 10 * 60 },
  perIpFailures: { points: 10, durationSeconds: 10 * 60 },
  perOrder: { points: 5, durationSeconds: 15 * 60 },
  perEmail: { points: 5, durationSeconds: 15 * 60 },
};

const PREFIXES = {
  perIp: "guest-lookup-ip",
  perIpFailures: "guest-lookup-ip-failed",
  perOrder: "guest-lookup-order",
  perOrderAndIp: "guest-lookup-order-ip",
  perEmail: "guest-lookup-email",
  perEmailAndIp: "guest-lookup-email-ip",
} as const;

type Counter = keyof typeof PREFIXES;

/** The failure points an allowed lookup holds, given back if it succeeds. */
export type FailureKeys = { counter: Counter; key: string }[];

export type LookupAttempt = { allowed: true; failureKeys: FailureKeys } | { allowed: false; retryAfterSeconds: number };

export class GuestLookupRateLimit {
  private readonly limiters: Record<Counter, RateLimiterPrisma>;

  constructor(limits: GuestLookupLimits = DEFAULT_GUEST_LOOKUP_LIMITS, db: Db = prisma) {
    // Failures per order (email) and source live as long as the order's (email's) window: they record who has
    // failed on it, for the cooling-off; the order's own limit is what refuses.
    const limitOf: Record<Counter, Limit> = {
      ...limits,
      perOrderAndIp: limits.perOrder,
      perEmailAndIp: limits.perEmail,
    };
    const limiter = (counter: Counter) =>
      new RateLimiterPrisma({
        storeClient: db,
        keyPrefix: PREFIXES[counter],
        points: limitOf[counter].points,
        duration: limitOf[counter].durationSeconds,
        // One limiter sweeps rows expired over an hour ago (the whole table, every 5 minutes, on an unref'd
        // timer); an expired row is otherwise only replaced when the same key comes back.
        clearExpiredByTimeout: counter === "perIp",
      });
    this.limiters = Object.fromEntries(
      Object.keys(PREFIXES).map((counter) => [counter, limiter(counter as Counter)]),
    ) as Record<Counter, RateLimiterPrisma>;
  }

  /**
   * Counts one lookup attempt, the source's limits first, so a visitor who is already turned away cannot use up
   * an order's or an email's attempts.
   */
  async attempt(input: { shop: string; ip: string; orderNumber: string; email: string }): Promise<LookupAttempt> {
    const source = keyedHash(`guest-lookup:ip:${input.ip}`);
    const order = input.orderNumber.toLowerCase();
    const email = emailHash(input.email);
    const keys: Record<Counter, string> = {
      perIp: `${input.shop}:${source}`,
      perIpFailures: `${input.shop}:${source}`,
      perOrder: `${input.shop}:${order}`,
      perOrderAndIp: `${input.shop}:${order}:${source}`,
      perEmail: `${input.shop}:${email}`,
      perEmailAndIp: `${input.shop}:${email}:${source}`,
    };
    const count = (counter: Counter) => countPoint(this.limiters[counter], keys[counter]);

    const lookups = await count("perIp");
    if (lookups.retryAfterSeconds) return { allowed: false, retryAfterSeconds: lookups.retryAfterSeconds };
    const failures = await count("perIpFailures");
    if (failures.retryAfterSeconds) return { allowed: false, retryAfterSeconds: failures.retryAfterSeconds };
    for (const [target, fromHere] of [
      ["perOrder", "perOrderAndIp"],
      ["perEmail", "perEmailAndIp"],
    ] as const) {
      // This source's own earlier failures on the target (and attempts in flight), not counting this one.
      const earlier = (await count(fromHere)).consumed - 1;
      const coolingOff = (await count(target)).retryAfterSeconds;
      if (coolingOff && earlier > 0) return { allowed: false, retryAfterSeconds: coolingOff };
    }
    const failureKeys = (["perIpFailures", "perOrder", "perOrderAndIp", "perEmail", "perEmailAndIp"] as const).map(
      (counter) => ({ counter, key: keys[counter] }),
    );
    return { allowed: true, failureKeys };
  }

  /** The lookup succeeded (or never reached a verdict): its failure points are given back. */
  async giveBack(keys: FailureKeys): Promise<void> {
    await Promise.all(keys.map(({ counter, key }) => retryOnRace(() => this.limiters[counter].reward(key, 1))));
  }
}

/** IPs and emails are only ever counted under a keyed hash (see `keyedHash`). */
function emailHash(email: string): string {
  return keyedHash(`guest-lookup:email:${email.trim().toLowerCase()}`);
}

/** Deletes the counters of a customer's email (customers/redact); they live 15 minutes at most anyway. */
export async function deleteCustomerRateLimits(shop: string, email: string | null | undefined, db: Db) {
  if (!email) return 0;
  const hash = emailHash(email);
  const { count } = await db.rateLimiterFlexible.deleteMany({
    where: {
      OR: [
        { key: `${PREFIXES.perEmail}:${shop}:${hash}` },
        { key: { startsWith: `${PREFIXES.perEmailAndIp}:${shop}:${hash}:` } },
      ],
    },
  });
  return count;
}

/** Deletes a shop's counters (shop/redact): hashed IPs and emails, and order numbers. */
export async function deleteShopRateLimits(shop: string, db: Db): Promise<number> {
  return deleteShopCounters(Object.values(PREFIXES), shop, db);
}
