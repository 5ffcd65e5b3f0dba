import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulator } from "../emulator/server";
import { signAppProxyParams } from "../emulator/signing";
import { TEST_APP_ENV } from "./app-env";
import { installShop } from "./install-shop";

/**
 * A signed-in shopper's contact request naming an order: the real route asks the local emulator's Admin API
 * (seeded demo shop) whether the order is theirs.
 */

const emulator = await startEmulator({
  appUrl: "http://127.0.0.1:9",
  apiKey: TEST_APP_ENV.SHOPIFY_API_KEY,
  apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
  scopes: TEST_APP_ENV.SCOPES,
});
const realFetch = globalThis.fetch;
process.env.SHOPIFY_EMULATOR_URL = emulator.url;
await import("../emulator/shopify-fetch.mjs");

const { default: prisma } = await import("../app/db.server");
const { configureContactLimit } = await import("../app/models/ContactRequest.server");
const contactRoute = await import("../app/routes/proxy.contact");

const SHOP = emulator.shop;
const state = emulator.adminApi.state;
const owned = state.orders.find((order) => order.customerId !== null)!;
const otherOrder = state.orders.find((order) => order.customerId !== null && order.customerId !== owned.customerId)!;

function proxied(customerId: number, body: unknown) {
  const params: Record<string, string> = {
    shop: SHOP,
    logged_in_customer_id: String(customerId),
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy/contact?${new URLSearchParams(params)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.80" },
    body: JSON.stringify(body),
  });
}

async function post(orderNumber: string) {
  const body = {
    submissionKey: randomUUID(),
    name: "Signed In",
    email: "signed.in@example.com",
    message: "Question about my order",
    orderNumber,
  };
  const response = await contactRoute.action({ request: proxied(owned.customerId!, body), params: {}, context: {} });
  return { status: response.status, body: await response.json() };
}

beforeAll(() => installShop({ emulatorUrl: emulator.url, shop: SHOP, db: prisma, fetch: realFetch }));

beforeEach(async () => {
  await prisma.contactRequest.deleteMany({ where: { shop: SHOP } });
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `contact-ip:${SHOP}:` } } });
  configureContactLimit({ points: 10, durationSeconds: 600 });
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await emulator.close();
});

describe("a signed-in shopper's contact request", () => {
  it("stores their own order verified, with its id and their customer id", async () => {
    const result = await post(owned.name);
    expect(result.status).toBe(201);
    const row = await prisma.contactRequest.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row).toMatchObject({
      customerId: String(owned.customerId),
      orderId: `gid://shopify/Order/${owned.id}`,
      orderName: owned.name,
    });
    expect(JSON.parse(row.context).orderVerified).toBe(true);
  });

  it("refuses another customer's order number, storing nothing", async () => {
    const result = await post(otherOrder.name);
    expect(result.status).toBe(422);
    expect(result.body).toEqual({ error: "invalid_input", fields: { orderNumber: "order_not_found" } });
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(0);
  });
});
