import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordAdminOperations, startEmulatorHarness } from "./emulator-harness";
import { deliveredOrderWithUnitsToSpare, proxiedRequest } from "./app-proxy-request";

/**
 * A Shopify that takes far longer than Resolve's timeout to answer: the shopper's request ends as a failed call
 * (503 shopify_unavailable with Retry-After) once the timeout has cut every try off, not when Shopify answers.
 */

const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../app/db.server");
const { configureShopifyTiming, DEFAULT_SHOPIFY_TIMING } = await import("../app/shopify/shopify-timing.server");
const ordersRoute = await import("../app/routes/proxy.orders._index");
const returnsRoute = await import("../app/routes/proxy.orders.$orderRef_.returns");
const { saveReturnPolicy } = await import("../app/features/policy/ReturnPolicy.server");

const SHOP = emulator.shop;
const customer = emulator.adminApi.state.customers.find((candidate) => candidate.email === "emma.johnson@example.com")!;

const proxied = (path: string, customerId: number, body?: unknown) =>
  proxiedRequest(path, { shop: SHOP, customerId, body });
const proxiedOrders = () => proxied("/orders", customer.id);

beforeAll(async () => {
  await installShop(prisma);
});

afterAll(async () => {
  configureShopifyTiming(DEFAULT_SHOPIFY_TIMING);
  emulator.adminApi.clearFaults();
  await prisma.returnSubmission.deleteMany({ where: { shop: SHOP } });
  await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
});

describe("a Shopify slower than Resolve's timeout", () => {
  it("answers 503 shopify_unavailable after the timeouts, long before Shopify would have answered", async () => {
    configureShopifyTiming({ requestTimeoutMs: 150 });
    // Every try of the order list waits 20 s at Shopify; callShopify tries three times (back-off 0.5 s + 1 s).
    emulator.adminApi.injectFault({ kind: "latency", latencyMs: 20_000, times: 3, operationName: "CustomerOrders" });
    const started = Date.now();
    const response = await ordersRoute.loader({ request: proxiedOrders(), params: {}, context: {} });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "shopify_unavailable" });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("answers normally once Shopify is fast again", async () => {
    emulator.adminApi.clearFaults();
    configureShopifyTiming({ requestTimeoutMs: 2_000 });
    const response = await ordersRoute.loader({ request: proxiedOrders(), params: {}, context: {} });
    expect(response.status).toBe(200);
  });
});

describe("a return filing Shopify does not answer in time", () => {
  it("is sent to Shopify once, not again by the retries that repeat a query", async () => {
    const state = emulator.adminApi.state;
    const reason = state.returnReasonDefinitions.find((candidate) => !candidate.deleted)!;
    const saved = await saveReturnPolicy(SHOP, {
      windowDays: 365,
      windowStartsAt: "fulfillment",
      reasons: [
        { id: `gid://shopify/ReturnReasonDefinition/${reason.id}`, handle: reason.handle, noteRequired: false },
      ],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
    const order = deliveredOrderWithUnitsToSpare(state);
    const ref = order.name.replace(/^#/, "");

    configureShopifyTiming({ requestTimeoutMs: 300 });
    const operations = recordAdminOperations(emulator.adminApi);
    emulator.adminApi.injectFault({
      kind: "latency",
      latencyMs: 1_500,
      times: 3,
      operationName: "ReturnRequestCreate",
    });
    const submission = {
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId: `gid://shopify/LineItem/${order.lineItems[0]!.id}`, quantity: 1 }],
      reasonId: `gid://shopify/ReturnReasonDefinition/${reason.id}`,
      resolution: "refund",
    };
    const response = await returnsRoute.action({
      request: proxied(`/orders/${ref}/returns`, order.customerId!, submission),
      params: { orderRef: ref },
      context: {},
    });
    expect(response.status).toBe(503);
    // Shopify carries the filing out after the app stopped waiting: it holds exactly one return.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(operations.filter((name) => name === "ReturnRequestCreate")).toHaveLength(1);
    expect(state.returns.filter((ret) => ret.orderId === order.id)).toHaveLength(1);
  });
});
