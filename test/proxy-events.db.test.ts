import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { signAppProxyParams } from "../emulator/signing";
import prisma from "../app/db.server";
import { configureAnalyticsLimit } from "../app/features/analytics/AnalyticsEvent.server";
import { action, loader } from "../app/routes/proxy.events";
import { TEST_APP_ENV } from "./app-env";

/** POST /apps/resolve/events through the real app-proxy authentication, events in the test database. */

const SHOP = "proxy-events.myshopify.com";
const SESSION_ID = "0b7d1f7e-52a4-4a0c-8e0e-6a1e2f3d4c5b";

function proxied(init: { body?: string; ip?: string; sign?: boolean; method?: string } = {}) {
  const params: Record<string, string> = {
    shop: SHOP,
    logged_in_customer_id: "7001",
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  if (init.sign !== false) params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy/events?${new URLSearchParams(params)}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": init.ip ?? "203.0.113.50" },
    body: init.method === "GET" ? undefined : init.body,
  });
}

async function post(body: unknown, init: { ip?: string; sign?: boolean } = {}) {
  const response = await action({ request: proxied({ ...init, body: JSON.stringify(body) }), params: {}, context: {} });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

beforeAll(async () => {
  await prisma.session.upsert({
    where: { id: `offline_${SHOP}` },
    create: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_test", scope: "" },
    update: {},
  });
  await prisma.faqArticle.upsert({
    where: { shop_handle: { shop: SHOP, handle: "shipping-times" } },
    create: { shop: SHOP, handle: "shipping-times", status: "published" },
    update: {},
  });
  await prisma.faqArticle.upsert({
    where: { shop_handle: { shop: SHOP, handle: "draft-article" } },
    create: { shop: SHOP, handle: "draft-article", status: "draft" },
    update: {},
  });
});

beforeEach(async () => {
  await prisma.analyticsEvent.deleteMany({ where: { shop: SHOP } });
  await prisma.analyticsSession.deleteMany({ where: { shop: SHOP } });
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `analytics-ip:${SHOP}:` } } });
  configureAnalyticsLimit({ points: 3, durationSeconds: 60 });
});

describe("POST /proxy/events", () => {
  it("stores a batch without the shopper's customer id or personal data from the query, uncached", async () => {
    const result = await post({
      sessionId: SESSION_ID,
      locale: "en",
      events: [
        { type: "search", query: "Where is order #1001? emma.johnson@example.com", results: 2 },
        { type: "article_open", articleId: "shipping-times" },
      ],
    });
    expect(result.status).toBe(202);
    expect(result.body).toEqual({ stored: 2 });
    expect(result.headers.get("cache-control")).toBe("no-store");
    const rows = await prisma.analyticsEvent.findMany({ where: { shop: SHOP } });
    expect(rows.map((row) => row.type).sort()).toEqual(["article_open", "search"]);
    const text = JSON.stringify(rows);
    expect(text).toContain("where is order [order]? [email]");
    expect(text).not.toMatch(/emma|1001|7001|203\.0\.113/);
  });

  it("answers invalid batches with field keys, never a 500, and stores nothing", async () => {
    const result = await post({ sessionId: "x", events: [{ type: "purchase" }] });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: "invalid_input", fields: { sessionId: "invalid", events: "invalid" } });
    expect(await prisma.analyticsEvent.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("refuses session ids the block does not make, and drops events naming an article the shop has not published", async () => {
    for (const sessionId of ["jane@example.com", "customer-7001-session", SESSION_ID.toUpperCase(), "0".repeat(36)]) {
      const refused = await post({ sessionId, events: [{ type: "tracking_view" }] });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ error: "invalid_input", fields: { sessionId: "invalid" } });
    }
    const result = await post({
      sessionId: SESSION_ID,
      events: [
        { type: "article_open", articleId: "shipping-times" },
        { type: "article_open", articleId: "jane-doe-221b-baker-street" },
        { type: "article_helpful", articleId: "draft-article", helpful: true },
      ],
    });
    expect(result.status).toBe(202);
    expect(result.body).toEqual({ stored: 1 });
    const rows = await prisma.analyticsEvent.findMany({ where: { shop: SHOP } });
    expect(rows.map((row) => JSON.parse(row.data))).toEqual([{ articleId: "shipping-times" }]);
  });

  it("answers 429 with Retry-After once a visitor sends too many batches", async () => {
    const batch = { sessionId: SESSION_ID, events: [{ type: "tracking_view" }] };
    for (let i = 0; i < 3; i++) expect((await post(batch)).status).toBe(202);
    const refused = await post(batch);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post(batch, { ip: "203.0.113.51" })).status).toBe(202);
    expect(await prisma.analyticsEvent.count({ where: { shop: SHOP } })).toBe(4);
  });

  it("refuses unsigned requests and GET", async () => {
    expect((await post({ sessionId: SESSION_ID, events: [{ type: "search" }] }, { sign: false })).status).toBe(401);
    const get = await loader({ request: proxied({ method: "GET" }), params: {}, context: {} });
    expect(get.status).toBe(405);
  });
});
