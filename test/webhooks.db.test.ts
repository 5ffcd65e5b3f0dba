import { randomUUID } from "node:crypto";

import { beforeEach, describe, expect, it } from "vitest";

import { signWebhookBody } from "../emulator/signing";
import prisma from "../app/db.server";
import { action as appUninstalled } from "../app/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../app/routes/webhooks.app.scopes_update";
import { action as dataRequest } from "../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../app/routes/webhooks.customers.redact";
import { action as shopRedact } from "../app/routes/webhooks.shop.redact";
import { personalDataSources } from "../app/features/compliance/personal-data.server";
import { TEST_APP_ENV } from "./app-env";

const SHOP = "webhook-test.myshopify.com";
const OTHER_SHOP = "someone-else.myshopify.com";
type Action = (args: { request: Request; params: object; context: object }) => Promise<Response>;

/** A delivery as Shopify sends it: JSON body, HMAC of the raw body with the app secret, a webhook id. */
function delivery(topic: string, payload: unknown, init: { webhookId?: string; secret?: string; shop?: string } = {}) {
  const body = JSON.stringify(payload);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/webhooks/${topic}`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": signWebhookBody(body, init.secret ?? TEST_APP_ENV.SHOPIFY_API_SECRET),
      "x-shopify-shop-domain": init.shop ?? SHOP,
      "x-shopify-api-version": "2026-10",
      "x-shopify-webhook-id": init.webhookId ?? randomUUID(),
    },
  });
}

async function deliver(action: unknown, request: Request): Promise<number> {
  try {
    return (await (action as Action)({ request, params: {}, context: {} })).status;
  } catch (thrown) {
    // The library throws a Response (401, 400, 405) when a delivery is not Shopify's.
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function seedShop(domain: string) {
  await prisma.shop.create({ data: { domain, scopes: "read_orders" } });
  await prisma.session.create({
    data: {
      id: `offline_${domain}`,
      shop: domain,
      state: "",
      isOnline: false,
      accessToken: "shpat_x",
      scope: "read_orders",
    },
  });
}

beforeEach(async () => {
  for (const source of personalDataSources) {
    await source.redactShop(SHOP, prisma);
    await source.redactShop(OTHER_SHOP, prisma);
  }
  await seedShop(SHOP);
  await seedShop(OTHER_SHOP);
});

describe("app/uninstalled", () => {
  it("removes the shop's sessions and marks it uninstalled, leaving other shops alone", async () => {
    expect(await deliver(appUninstalled, delivery("app/uninstalled", { id: 1, domain: SHOP }))).toBe(200);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await prisma.shop.findUnique({ where: { domain: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });

  it("answers 401 to a bad HMAC and changes nothing", async () => {
    const forged = delivery("app/uninstalled", { id: 1, domain: SHOP }, { secret: "not-the-app-secret" });
    expect(await deliver(appUninstalled, forged)).toBe(401);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(1);
    expect((await prisma.shop.findUnique({ where: { domain: SHOP } }))?.uninstalledAt).toBeNull();
  });

  it("has one effect when Shopify redelivers the same webhook", async () => {
    const webhookId = randomUUID();
    expect(await deliver(appUninstalled, delivery("app/uninstalled", {}, { webhookId }))).toBe(200);
    // The merchant reinstalls; a late redelivery of the old uninstall must not log them out again.
    await seedShop(SHOP).catch(() =>
      prisma.session.create({ data: { id: "offline_again", shop: SHOP, state: "", accessToken: "shpat_y" } }),
    );
    const sessionsAfterReinstall = await prisma.session.count({ where: { shop: SHOP } });
    expect(await deliver(appUninstalled, delivery("app/uninstalled", {}, { webhookId }))).toBe(200);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(sessionsAfterReinstall);
    expect(sessionsAfterReinstall).toBe(1);
  });
});

describe("app/scopes_update", () => {
  it("records the scopes now granted on the shop and its sessions", async () => {
    const status = await deliver(
      scopesUpdate,
      delivery("app/scopes_update", { previous: ["read_orders"], current: ["read_orders", "write_returns"] }),
    );
    expect(status).toBe(200);
    expect((await prisma.session.findFirst({ where: { shop: SHOP } }))?.scope).toBe("read_orders,write_returns");
    expect((await prisma.shop.findUnique({ where: { domain: SHOP } }))?.scopes).toBe("read_orders,write_returns");
  });

  it("rejects a payload it cannot read with 400, changing nothing", async () => {
    expect(await deliver(scopesUpdate, delivery("app/scopes_update", { current: "read_orders" }))).toBe(400);
    expect((await prisma.session.findFirst({ where: { shop: SHOP } }))?.scope).toBe("read_orders");
  });
});

const customer = { id: 207119551, email: "shopper@example.com", phone: "+15555550100" };

describe("compliance webhooks", () => {
  it("customers/data_request prepares an export with a section per data source", async () => {
    const payload = { shop_id: 1, shop_domain: SHOP, orders_requested: [299938], customer, data_request: { id: 9999 } };
    expect(await deliver(dataRequest, delivery("customers/data_request", payload))).toBe(200);
    const request = await prisma.complianceRequest.findFirstOrThrow({
      where: { shop: SHOP, topic: "customers/data_request" },
    });
    expect(request.customerId).toBe("207119551");
    const exported = JSON.parse(request.export ?? "{}");
    expect(Object.keys(exported.data)).toEqual(personalDataSources.map((source) => source.name));
    expect(exported.ordersRequested).toEqual(["299938"]);
  });

  it("customers/redact removes the customer's data, including a prepared export", async () => {
    await deliver(
      dataRequest,
      delivery("customers/data_request", { shop_domain: SHOP, customer, orders_requested: [] }),
    );
    const payload = { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [299938] };
    expect(await deliver(customersRedact, delivery("customers/redact", payload))).toBe(200);
    const leftovers = await prisma.complianceRequest.findMany({ where: { shop: SHOP, NOT: { export: null } } });
    expect(leftovers).toEqual([]);
  });

  it("shop/redact deletes everything held for that shop and nothing of another shop", async () => {
    await deliver(
      dataRequest,
      delivery("customers/data_request", { shop_domain: OTHER_SHOP, customer }, { shop: OTHER_SHOP }),
    );
    expect(await deliver(shopRedact, delivery("shop/redact", { shop_id: 1, shop_domain: SHOP }))).toBe(200);
    expect(await prisma.shop.count({ where: { domain: SHOP } })).toBe(0);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.complianceRequest.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.shop.count({ where: { domain: OTHER_SHOP } })).toBe(1);
    expect(await prisma.complianceRequest.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });

  it("answers 401 to a forged compliance webhook and deletes nothing", async () => {
    const forged = delivery("shop/redact", { shop_domain: SHOP }, { secret: "forged" });
    expect(await deliver(shopRedact, forged)).toBe(401);
    expect(await prisma.shop.count({ where: { domain: SHOP } })).toBe(1);
  });

  it("two concurrent deliveries of one data request make one export", async () => {
    const webhookId = randomUUID();
    const payload = { shop_domain: SHOP, customer, orders_requested: [] };
    const statuses = await Promise.all([
      deliver(dataRequest, delivery("customers/data_request", payload, { webhookId })),
      deliver(dataRequest, delivery("customers/data_request", payload, { webhookId })),
    ]);
    expect(statuses).toEqual([200, 200]);
    expect(await prisma.complianceRequest.count({ where: { shop: SHOP, topic: "customers/data_request" } })).toBe(1);
  });
});
