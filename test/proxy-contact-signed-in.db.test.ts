import { randomUUID } from "node:crypto";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { proxiedJsonPost } from "./app-proxy-request";
import { startEmulatorHarness } from "./emulator-harness";

/**
 * A signed-in shopper's contact request naming an order: the real route asks the local emulator's Admin API
 * (seeded demo shop) whether the order is theirs.
 */

const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../app/db.server");
const { configureContactLimit } = await import("../app/features/contact/ContactRequest.server");
const contactRoute = await import("../app/routes/proxy.contact");

const SHOP = emulator.shop;
const state = emulator.adminApi.state;
const owned = state.orders.find((order) => order.customerId !== null)!;
const otherOrder = state.orders.find((order) => order.customerId !== null && order.customerId !== owned.customerId)!;

function proxied(customerId: number, body: unknown) {
  return proxiedJsonPost("/contact", { shop: SHOP, customerId, body, ip: "203.0.113.80" });
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

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  await prisma.contactRequest.deleteMany({ where: { shop: SHOP } });
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `contact-ip:${SHOP}:` } } });
  configureContactLimit({ points: 10, durationSeconds: 600 });
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
