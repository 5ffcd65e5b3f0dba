import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { signAppProxyParams } from "../emulator/signing";
import { TEST_APP_ENV } from "./app-env";
import { startEmulatorHarness } from "./emulator-harness";

/**
 * Fair limits on the guest order lookup (issue #10, finding 3), through the real route with the production limits:
 * the shopper's address is what Shopify's app proxy wrote into X-Forwarded-For (the rightmost entry, with the
 * default TRUSTED_PROXY_HOPS=1), not what the client put in front of it.
 */

const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../app/db.server");
const { configureGuestLookup } = await import("../app/features/orders/guest-order-lookup.server");
const { DEFAULT_GUEST_LOOKUP_LIMITS } = await import("../app/features/orders/guest-lookup-rate-limit.server");
const lookupRoute = await import("../app/routes/proxy.lookup");

const SHOP = emulator.shop;
const state = emulator.adminApi.state;

/** A guest lookup as Shopify's app proxy forwards it: `forwardedFor` is X-Forwarded-For as it reaches the app. */
async function lookup(body: { orderNumber: string; email: string }, forwardedFor: string): Promise<number> {
  const params: Record<string, string> = {
    shop: SHOP,
    logged_in_customer_id: "",
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  const request = new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy/lookup?${new URLSearchParams(params)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify(body),
  });
  const response = await lookupRoute.action({ request, params: {}, context: {} });
  await response.text();
  return response.status;
}

/** Guest orders (with an email) of different customers: a household's shoppers. */
const household = state.orders
  .filter((order) => order.email && order.customerId !== null)
  .filter((order, index, all) => all.findIndex((other) => other.customerId === order.customerId) === index)
  .slice(0, 4)
  .map((order) => ({ orderNumber: order.name.replace("#", ""), email: order.email! }));
const owner = household[0]!;

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  await prisma.rateLimiterFlexible.deleteMany({});
  // The production limits; no failure floor, so the test does not wait it out on every guess.
  configureGuestLookup({ limits: DEFAULT_GUEST_LOOKUP_LIMITS, minFailureMs: 0 });
});

describe("guest lookup limits a shopper notices", () => {
  it("lets a household behind one address track each of its orders again and again", async () => {
    expect(household).toHaveLength(4);
    const statuses: number[] = [];
    // Four shoppers, each re-checking their parcel eight times, all behind one mobile network's address.
    for (let round = 0; round < 8; round++) {
      for (const shopper of household) statuses.push(await lookup(shopper, "203.0.113.80"));
    }
    expect(statuses).toEqual(Array(32).fill(200));
    // One typo among them costs no one their next lookup.
    expect(await lookup({ ...owner, email: "typo@example.net" }, "203.0.113.80")).toBe(404);
    expect(await lookup(owner, "203.0.113.80")).toBe(200);
  });

  it("does not let a guesser get around the limit by changing X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      // The client chose the first entry; Shopify's proxy wrote the last one, the guesser's real address.
      const guess = { orderNumber: `${5000 + i}`, email: `guess${i}@example.net` };
      statuses.push(await lookup(guess, `10.0.${i}.1, 198.51.100.66`));
    }
    // Ten failed lookups per address in ten minutes, however the header is dressed up.
    expect(statuses).toEqual([...Array(10).fill(404), ...Array(5).fill(429)]);
  });

  it("does not lock the owner out while a stranger hammers their order number with wrong emails", async () => {
    // The attack that locked guest tracking for every order of the shop: 225 wrong emails in seconds, from a handful
    // of addresses, spread over the shop's order numbers.
    const orderNumbers = state.orders.map((order) => order.name.replace("#", "")).slice(0, 45);
    for (let i = 0; i < 225; i++) {
      const orderNumber = i < 25 ? owner.orderNumber : orderNumbers[i % orderNumbers.length]!;
      await lookup({ orderNumber, email: `guess${i}@example.net` }, `198.51.100.${10 + (i % 5)}`);
    }
    expect(await lookup(owner, "203.0.113.90")).toBe(200);
    // Every other shopper's order still opens for its owner, too.
    for (const shopper of household.slice(1)) expect(await lookup(shopper, "203.0.113.91")).toBe(200);
  });

  it("still stops a stranger guessing an order's email, even once they guess right", async () => {
    const guesses: number[] = [];
    for (let i = 0; i < 6; i++)
      guesses.push(await lookup({ ...owner, email: `guess${i}@example.net` }, "198.51.100.7"));
    expect(guesses.slice(0, 5)).toEqual(Array(5).fill(404));
    expect(guesses[5]).toBe(429);
    // The right email from the same address is refused too, so the 429 says nothing about the guess.
    expect(await lookup(owner, "198.51.100.7")).toBe(429);
    // From many addresses: once the order cools off, an address that has guessed gets no second guess.
    for (let i = 0; i < 5; i++) await lookup({ ...owner, email: `other${i}@example.net` }, `192.0.2.${i + 1}`);
    expect(await lookup(owner, "192.0.2.1")).toBe(429);
  });
});
