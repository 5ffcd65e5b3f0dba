import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { ShopIpRateLimit } from "../../platform/rate-limits.server";
import { personalDataSources } from "../compliance/personal-data.server";
import {
  ANALYTICS_RATE_PREFIX,
  acceptAnalyticsBatch,
  analyticsBatchSchema,
  configureAnalyticsLimit,
  DEFAULT_ANALYTICS_LIMIT,
  MAX_EVENTS_PER_BATCH,
  recordAnalyticsEvents,
  scrubQuery,
} from "./AnalyticsEvent.server";

const SHOP = "analytics-events.myshopify.com";
const OTHER_SHOP = "analytics-events-other.myshopify.com";
const SESSION = "6f1c2a9e-4b3d-4e8f-9a10-112233445566";

beforeEach(async () => {
  await prisma.analyticsEvent.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
  await prisma.analyticsSession.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "analytics-ip:" } } });
  configureAnalyticsLimit(DEFAULT_ANALYTICS_LIMIT);
  await prisma.faqArticle.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
  await prisma.faqArticle.create({ data: { shop: SHOP, handle: "faq-returns", status: "published" } });
});

describe("scrubQuery", () => {
  it("replaces emails, order references and phone numbers with placeholders", () => {
    expect(scrubQuery("Where is my order #1042 jane.doe@example.com")).toBe("where is my order [order] [email]");
    expect(scrubQuery("call me +1 (555) 010-9999 please")).toBe("call me [number] please");
    expect(scrubQuery("order 100234 not arrived")).toBe("order [number] not arrived");
  });

  it("keeps ordinary words and short numbers a shopper searches for", () => {
    expect(scrubQuery("  Return   size 42 shoes ")).toBe("return size 42 shoes");
  });

  it("bounds the stored length", () => {
    expect(scrubQuery("a".repeat(400))).toHaveLength(120);
  });
});

describe("analyticsBatchSchema", () => {
  const batch = { sessionId: SESSION, events: [{ type: "search", query: "returns" }] };

  it("accepts a batch of known event types", () => {
    expect(analyticsBatchSchema.safeParse(batch).success).toBe(true);
  });

  it("refuses unknown types, oversized batches and session ids that could carry data", () => {
    expect(analyticsBatchSchema.safeParse({ ...batch, events: [{ type: "purchase" }] }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => ({ type: "search" }));
    expect(analyticsBatchSchema.safeParse({ ...batch, events: tooMany }).success).toBe(false);
    expect(analyticsBatchSchema.safeParse({ ...batch, sessionId: "jane@example.com" }).success).toBe(false);
    expect(analyticsBatchSchema.safeParse({ ...batch, events: [] }).success).toBe(false);
  });
});

describe("recordAnalyticsEvents", () => {
  it("stores every event of the batch for the shop, with no personal data left in the query", async () => {
    const stored = await recordAnalyticsEvents(SHOP, {
      sessionId: SESSION,
      locale: "fr",
      events: [
        { type: "search_no_results", query: "refund for #1001 to jane@example.com", results: 0 },
        { type: "article_helpful", articleId: "faq-returns", helpful: true },
      ],
    });
    expect(stored).toBe(2);
    const rows = await prisma.analyticsEvent.findMany({ where: { shop: SHOP }, orderBy: { type: "desc" } });
    expect(rows.map((row) => [row.type, JSON.parse(row.data), row.locale, row.sessionId])).toEqual([
      ["search_no_results", { query: "refund for [order] to [email]", results: 0 }, "fr", SESSION],
      ["article_helpful", { articleId: "faq-returns", helpful: true }, "fr", SESSION],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/jane|1001/);
    expect(await prisma.analyticsEvent.count({ where: { shop: OTHER_SHOP } })).toBe(0);
  });
});

describe("acceptAnalyticsBatch", () => {
  const batch = { sessionId: SESSION, events: [{ type: "tracking_view" as const }] };

  it("refuses a visitor past the limit with a wait, while another visitor and shop still get through", async () => {
    configureAnalyticsLimit({ points: 2, durationSeconds: 60 });
    expect(await acceptAnalyticsBatch(SHOP, "203.0.113.7", batch)).toEqual({ outcome: "stored", count: 1 });
    expect(await acceptAnalyticsBatch(SHOP, "203.0.113.7", batch)).toEqual({ outcome: "stored", count: 1 });
    const refused = await acceptAnalyticsBatch(SHOP, "203.0.113.7", batch);
    expect(refused.outcome).toBe("rate_limited");
    expect(refused.outcome === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await acceptAnalyticsBatch(SHOP, "203.0.113.8", batch)).toEqual({ outcome: "stored", count: 1 });
    expect(await acceptAnalyticsBatch(OTHER_SHOP, "203.0.113.7", batch)).toEqual({ outcome: "stored", count: 1 });
    expect(await prisma.analyticsEvent.count({ where: { shop: SHOP } })).toBe(3);
  });

  it("keeps only a hash of the IP in the counter", async () => {
    await new ShopIpRateLimit({ prefix: ANALYTICS_RATE_PREFIX, ...DEFAULT_ANALYTICS_LIMIT }).consume(
      SHOP,
      "198.51.100.23",
    );
    const keys = (await prisma.rateLimiterFlexible.findMany({ where: { key: { startsWith: "analytics-ip:" } } })).map(
      (row) => row.key,
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain("198.51.100.23");
  });
});

describe("shop/redact", () => {
  it("deletes the shop's events and counters, and no other shop's", async () => {
    configureAnalyticsLimit({ points: 5, durationSeconds: 60 });
    await acceptAnalyticsBatch(SHOP, "203.0.113.7", { sessionId: SESSION, events: [{ type: "search", query: "x" }] });
    await acceptAnalyticsBatch(OTHER_SHOP, "203.0.113.7", { sessionId: SESSION, events: [{ type: "search" }] });
    const source = personalDataSources.find((candidate) => candidate.name === "Storefront analytics");
    expect(source).toBeDefined();
    expect(
      await source!.exportCustomer({ shop: SHOP, customer: { id: "1", email: "a@b.c" }, orderIds: [] }, prisma),
    ).toEqual([]);
    expect(await source!.redactShop(SHOP, prisma)).toBe(2);
    expect(await prisma.analyticsEvent.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.analyticsEvent.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(
      await prisma.rateLimiterFlexible.count({ where: { key: { startsWith: `analytics-ip:${OTHER_SHOP}:` } } }),
    ).toBe(1);
  });
});

describe("customers/data_request and customers/redact", () => {
  it("find nothing in the events to link to the customer, because nothing personal was kept", async () => {
    const customer = { id: "7001", email: "jane.doe@gmail.com", phone: "+447700900123" };
    await acceptAnalyticsBatch(SHOP, "203.0.113.7", {
      sessionId: SESSION,
      events: [
        { type: "search_no_results", query: "jane dot doe at gmail dot com +44 7700 900123 Jane Doe", results: 0 },
        { type: "search", query: "ｊａｎｅ．ｄｏｅ＠ｇｍａｉｌ．ｃｏｍ refund", results: 1 },
      ],
    });
    const stored = JSON.stringify([
      await prisma.analyticsEvent.findMany({ where: { shop: SHOP } }),
      await prisma.analyticsSession.findMany({ where: { shop: SHOP } }),
    ]);
    expect(stored).not.toMatch(/jane|doe|gmail|7700|900123|7001/i);
    for (const name of ["Storefront analytics", "Storefront visits"]) {
      const source = personalDataSources.find((candidate) => candidate.name === name)!;
      expect(await source.exportCustomer({ shop: SHOP, customer, orderIds: [] }, prisma)).toEqual([]);
    }
  });

  it("shop/redact deletes the shop's visits, and no other shop's", async () => {
    await recordAnalyticsEvents(SHOP, { sessionId: SESSION, events: [{ type: "tracking_view" }] });
    await recordAnalyticsEvents(OTHER_SHOP, { sessionId: SESSION, events: [{ type: "tracking_view" }] });
    const source = personalDataSources.find((candidate) => candidate.name === "Storefront visits")!;
    expect(await source.redactShop(SHOP, prisma)).toBe(1);
    expect(await prisma.analyticsSession.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.analyticsSession.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });
});
