import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { recordAnalyticsEvents } from "./AnalyticsEvent.server";
import { getPortalMetrics } from "./PortalMetrics.server";

const SHOP = "portal-metrics.myshopify.com";
const OTHER_SHOP = "portal-metrics-other.myshopify.com";
const session = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

async function visit(shop: string, n: number, events: Parameters<typeof recordAnalyticsEvents>[1]["events"]) {
  await recordAnalyticsEvents(shop, { sessionId: session(n), locale: "en", events });
}

async function contact(shop: string, createdAt = new Date()) {
  await prisma.contactRequest.create({
    data: {
      shop,
      reference: `R-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: "Emma",
      email: "emma@example.com",
      message: "Where is my parcel?",
      locale: "en",
      context: "{}",
      createdAt,
    },
  });
}

beforeEach(async () => {
  await prisma.analyticsEvent.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
  await prisma.contactRequest.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
});

describe("the portal's numbers on the Home page", () => {
  it("are absent, not zero, before any shopper used the portal", async () => {
    expect(await getPortalMetrics(SHOP, 60)).toBeNull();
  });

  it("count visits, the ones that found help without writing, and the messages received", async () => {
    await visit(SHOP, 1, [
      { type: "search", query: "delivery", results: 2 },
      { type: "article_open", articleId: "a" },
    ]);
    await visit(SHOP, 2, [{ type: "tracking_view" }]);
    await visit(SHOP, 3, [{ type: "search_no_results", query: "warranty", results: 0 }, { type: "contact_sent" }]);
    await visit(SHOP, 4, [{ type: "article_open", articleId: "a" }, { type: "contact_sent" }]);
    await visit(SHOP, 5, [{ type: "contact_opened" }]);
    await contact(SHOP);
    await contact(SHOP);
    // Another shop's shoppers never count here.
    await visit(OTHER_SHOP, 6, [{ type: "tracking_view" }]);
    await contact(OTHER_SHOP);

    const metrics = await getPortalMetrics(SHOP, 60);
    expect(metrics).toMatchObject({ days: 60, visits: 5, selfServed: 2, contacts: 2 });
  });

  it("rank searches, and the ones that found nothing, most frequent first", async () => {
    await visit(SHOP, 1, [
      { type: "search", query: "delivery", results: 1 },
      { type: "search", query: "Delivery", results: 1 },
      { type: "search", query: "returns", results: 3 },
      { type: "search_no_results", query: "warranty", results: 0 },
      { type: "search_no_results", query: "warranty", results: 0 },
      { type: "search_no_results", query: "gift wrap", results: 0 },
    ]);
    const metrics = await getPortalMetrics(SHOP, 60);
    expect(metrics?.topSearches).toEqual([
      { query: "delivery", count: 2 },
      { query: "warranty", count: 2 },
      { query: "gift wrap", count: 1 },
      { query: "returns", count: 1 },
    ]);
    expect(metrics?.unanswered).toEqual([
      { query: "warranty", count: 2 },
      { query: "gift wrap", count: 1 },
    ]);
  });

  it("count helpful and unhelpful answers, and leave out what is older than the period", async () => {
    await visit(SHOP, 1, [
      { type: "article_helpful", articleId: "a", helpful: true },
      { type: "article_helpful", articleId: "b", helpful: true },
      { type: "article_helpful", articleId: "a", helpful: false },
    ]);
    await contact(SHOP, new Date(Date.now() - 90 * 86_400_000));
    await prisma.analyticsEvent.updateMany({
      where: { shop: SHOP, data: { contains: '"articleId":"b"' } },
      data: { createdAt: new Date(Date.now() - 90 * 86_400_000) },
    });
    const metrics = await getPortalMetrics(SHOP, 60);
    expect(metrics?.helpful).toEqual({ yes: 1, no: 1 });
    expect(metrics?.contacts).toBe(0);
  });
});
