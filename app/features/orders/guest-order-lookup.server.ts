import { createHash, timingSafeEqual } from "node:crypto";

import { z } from "zod";

import { OrderTracking } from "../../shopify/graphql/OrderTracking";
import { callShopify } from "../../shopify/call-shopify.server";
import {
  DEFAULT_GUEST_LOOKUP_LIMITS,
  GuestLookupRateLimit,
  type GuestLookupLimits,
} from "./guest-lookup-rate-limit.server";
import type { OrderTracking as Tracking } from "../../contracts/storefront-api";
import { toOrderTracking } from "./order-tracking.server";
import { customerGid, orderNumberSchema, sameOrderName, type StorefrontAdmin } from "./storefront-orders.server";
import { signInUrl } from "../../platform/storefront/storefront-sign-in.server";

/** What a guest types: the order number and the email the order was placed with. */
export const guestLookupSchema = z.object({
  orderNumber: orderNumberSchema(),
  email: z.string().trim().max(254).pipe(z.email()),
  /** The page the block is on, so signing in brings the shopper back to it. */
  returnTo: z.string().max(2048).optional().catch(undefined),
});

export type GuestLookupInput = z.infer<typeof guestLookupSchema>;

export interface GuestLookupSettings {
  limits: GuestLookupLimits;
  /**
   * A failed lookup answers no sooner than this after it started, so an unknown order and a wrong email take
   * the same time even when Shopify answers one faster than the other.
   */
  minFailureMs: number;
}

let settings: GuestLookupSettings = { limits: DEFAULT_GUEST_LOOKUP_LIMITS, minFailureMs: 400 };
let rateLimit: GuestLookupRateLimit | undefined;

/** For tests (short windows) and operators; the defaults suit production. Limits not given keep their defaults. */
export function configureGuestLookup(
  next: Partial<Omit<GuestLookupSettings, "limits">> & { limits?: Partial<GuestLookupLimits> },
) {
  settings = { ...settings, ...next, limits: { ...DEFAULT_GUEST_LOOKUP_LIMITS, ...next.limits } };
  rateLimit = undefined;
}

export type GuestLookupResult =
  | { outcome: "found"; order: Tracking; returnsRequireSignIn: boolean; signInUrl: string | null }
  | { outcome: "not_found" }
  | { outcome: "rate_limited"; retryAfterSeconds: number };

/**
 * A guest's "where is my order?": order number + email → tracking, with personal data masked. Every way of
 * not matching (no such order, another email, an order without email) gives the same `not_found`, after the
 * same Shopify query and no sooner than `minFailureMs`, so the answer cannot be used to learn which orders or
 * emails exist. Attempts are rate-limited per shopper address, per order number and per email
 * (guest-lookup-rate-limit.server.ts): a found order costs only a point of a generous cap.
 */
export async function lookupGuestOrder(
  admin: StorefrontAdmin,
  request: {
    shop: string;
    ip: string;
    customerId: string | null;
    pathPrefix: string;
    /** The page that sent the request (Referer), a fallback for where signing in returns to. */
    referer?: string | null;
    input: GuestLookupInput;
  },
): Promise<GuestLookupResult> {
  const startedAt = Date.now();
  const { input } = request;
  rateLimit ??= new GuestLookupRateLimit(settings.limits);
  const attempt = await rateLimit.attempt({
    shop: request.shop,
    ip: request.ip,
    orderNumber: input.orderNumber,
    email: input.email,
  });
  if (!attempt.allowed) return { outcome: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };

  let order;
  try {
    const response = await callShopify(() =>
      admin.graphql(OrderTracking, { variables: { query: `name:${input.orderNumber}` } }),
    );
    const { data } = await response.json();
    // Every candidate is compared, matching or not, so the work does not depend on which one matches.
    const matches = (data?.orders.nodes ?? []).filter(
      (candidate) => sameEmail(candidate.email, input.email) && sameOrderName(candidate.name, input.orderNumber),
    );
    order = matches[0];
  } catch (error) {
    // Shopify did not answer: the shopper did nothing wrong, so the attempt counts against neither order nor email.
    await rateLimit.giveBack(attempt.failureKeys);
    throw error;
  }

  if (!order) {
    const wait = settings.minFailureMs - (Date.now() - startedAt);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return { outcome: "not_found" };
  }
  await rateLimit.giveBack(attempt.failureKeys);
  const ownOrder = request.customerId !== null && order.customer?.id === customerGid(request.customerId);
  return {
    outcome: "found",
    order: toOrderTracking(order, ownOrder ? "customer" : "guest"),
    returnsRequireSignIn: !ownOrder,
    signInUrl: ownOrder ? null : signInUrl(request.pathPrefix, input.returnTo, request.referer),
  };
}

/** Emails match case- and space-insensitively, compared in constant time. */
function sameEmail(orderEmail: string | null | undefined, typed: string): boolean {
  if (!orderEmail) {
    sameDigest("", typed);
    return false;
  }
  return sameDigest(orderEmail.trim().toLowerCase(), typed.trim().toLowerCase());
}

function sameDigest(a: string, b: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length > 0;
}
