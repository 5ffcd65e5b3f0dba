import { randomUUID } from "node:crypto";

import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { proxiedJsonPost } from "./app-proxy-request";
import { startEmulatorHarness } from "./emulator-harness";
import { captureMail } from "./smtp-capture";

/**
 * A signed-in shopper's contact request naming an order: the real route asks the local emulator's Admin API
 * (seeded demo shop) whether the order is theirs.
 */

const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../app/db.server");
const { env } = await import("../app/env.server");
const { configureContactLimit } = await import("../app/features/contact/ContactRequest.server");
const { getInboxRequest, inboxFiltersSchema, listInbox } =
  await import("../app/features/contact/ContactRequestInbox.server");
const { settleNotifications } = await import("../app/features/contact/notify-merchant.server");
const contactRoute = await import("../app/routes/proxy.contact");

const SHOP = emulator.shop;
const state = emulator.adminApi.state;
const owned = state.orders.find((order) => order.customerId !== null)!;
const otherOrder = state.orders.find((order) => order.customerId !== null && order.customerId !== owned.customerId)!;

function proxied(customerId: number, body: unknown) {
  return proxiedJsonPost("/contact", { shop: SHOP, customerId, body, ip: "203.0.113.80" });
}

function submission(orderNumber: string) {
  return {
    submissionKey: randomUUID(),
    name: "Signed In",
    email: "signed.in@example.com",
    message: "Question about my order",
    orderNumber,
  };
}

async function post(orderNumber: string | Record<string, unknown>) {
  const body = typeof orderNumber === "string" ? submission(orderNumber) : orderNumber;
  const response = await contactRoute.action({ request: proxied(owned.customerId!, body), params: {}, context: {} });
  return { status: response.status, body: await response.json(), headers: response.headers };
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

describe("a signed-in shopper's contact request while Shopify is down", () => {
  const mailbox = captureMail();
  const saved = { SMTP_URL: env.SMTP_URL, NOTIFY_TO: env.NOTIFY_TO, NOTIFY_FROM: env.NOTIFY_FROM };

  beforeEach(() => {
    mailbox.received.length = 0;
    Object.assign(env, { SMTP_URL: mailbox.url, NOTIFY_TO: "owner@shop.example", NOTIFY_FROM: "resolve@shop.example" });
    // Every order lookup fails, through callShopify's retries.
    emulator.adminApi.injectFault({
      kind: "server-error",
      status: 502,
      operationName: "OrderTracking",
      times: Infinity,
    });
  });

  afterEach(async () => {
    emulator.adminApi.clearFaults();
    await settleNotifications();
    Object.assign(env, saved);
  });

  it("stores it with its reference, the order marked as not checked in the inbox, and emails the merchant", async () => {
    const body = submission(owned.name);
    // Identity comes from the proxy signature only: a customer id in the body is ignored.
    const result = await post({ ...body, customerId: String(otherOrder.customerId) });
    expect(result.status).toBe(201);
    expect(result.body.reference).toMatch(/^R-/);
    const row = await prisma.contactRequest.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row).toMatchObject({
      reference: result.body.reference,
      customerId: String(owned.customerId),
      orderId: null,
      orderName: owned.name,
    });
    const inbox = await listInbox(SHOP, inboxFiltersSchema.parse({}));
    expect(inbox.requests).toEqual([
      expect.objectContaining({
        orderName: owned.name,
        orderVerified: false,
        orderUnverifiedReason: "shopify_unavailable",
      }),
    ]);
    expect(await getInboxRequest(SHOP, row.id)).toMatchObject({
      orderId: null,
      orderVerified: false,
      orderUnverifiedReason: "shopify_unavailable",
    });
    await settleNotifications();
    expect(mailbox.received).toHaveLength(1);
    expect(mailbox.received[0]!.data).toContain(`New help request ${result.body.reference} about order ${owned.name}`);
    expect(await prisma.merchantEmail.count({ where: { contactRequestId: row.id } })).toBe(1);

    // A retry of the same submission, during the outage or after it, has one effect: the same reference, one
    // request, one email.
    const retry = await post(body);
    emulator.adminApi.clearFaults();
    const later = await post(body);
    expect([retry.status, retry.body.reference, later.status, later.body.reference]).toEqual([
      201,
      result.body.reference,
      201,
      result.body.reference,
    ]);
    await settleNotifications();
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
    expect(mailbox.received).toHaveLength(1);
  });

  it("counts one point per stored request, like any other", async () => {
    configureContactLimit({ points: 2, durationSeconds: 600 });
    expect((await post(owned.name)).status).toBe(201);
    expect((await post(owned.name)).status).toBe(201);
    const refused = await post(owned.name);
    expect(refused.status).toBe(429);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(2);
  });

  it("still refuses another customer's order once Shopify answers again", async () => {
    emulator.adminApi.clearFaults();
    const result = await post(otherOrder.name);
    expect(result.status).toBe(422);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(0);
  });
});
