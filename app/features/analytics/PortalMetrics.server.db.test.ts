import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { ANALYTICS_EVENT_TYPES, recordAnalyticsEvents } from "./AnalyticsEvent.server";
import { getPortalMetrics, HELPED_EVENT_TYPES, MIN_SESSIONS_PER_SEARCH } from "./PortalMetrics.server";

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
  await prisma.analyticsSession.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
  await prisma.contactRequest.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
  await prisma.faqArticle.deleteMany({ where: { shop: SHOP } });
  // Events name published articles only (AnalyticsEvent.server.ts).
  await prisma.faqArticle.createMany({
    data: ["a", "b"].map((handle) => ({ shop: SHOP, handle, status: "published" })),
  });
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
    // Each text from three visits at least, the fewest the card shows (see the next test).
    for (const n of [1, 2, 3]) {
      await visit(SHOP, n, [
        { type: "search", query: "delivery", results: 1 },
        { type: "search", query: "Delivery", results: 1 },
        { type: "search", query: "returns", results: 3 },
        { type: "search_no_results", query: "warranty", results: 0 },
        { type: "search_no_results", query: "warranty", results: 0 },
        { type: "search_no_results", query: "gift wrap", results: 0 },
      ]);
    }
    const metrics = await getPortalMetrics(SHOP, 60);
    expect(metrics?.topSearches).toEqual([
      { query: "delivery", count: 6 },
      { query: "warranty", count: 6 },
      { query: "gift wrap", count: 3 },
      { query: "returns", count: 3 },
    ]);
    expect(metrics?.unanswered).toEqual([
      { query: "warranty", count: 6 },
      { query: "gift wrap", count: 3 },
    ]);
  });

  it("show a search only once three different visits made it, however often one visit repeats it", async () => {
    for (let i = 0; i < 10; i++) {
      await visit(SHOP, 1, [{ type: "search_no_results", query: "parcel for lucinda at flat nine", results: 0 }]);
    }
    await visit(SHOP, 2, [{ type: "search", query: "sizes", results: 2 }]);
    await visit(SHOP, 3, [{ type: "search", query: "sizes", results: 2 }]);
    let metrics = await getPortalMetrics(SHOP, 60);
    expect(metrics?.topSearches).toEqual([]);
    expect(metrics?.unanswered).toEqual([]);
    await visit(SHOP, 4, [{ type: "search", query: "sizes", results: 2 }]);
    metrics = await getPortalMetrics(SHOP, 60);
    expect(metrics?.topSearches).toEqual([{ query: "sizes", count: 3 }]);
    expect(JSON.stringify(metrics)).not.toContain("lucinda");
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

/** The Home card's figures as the app computed them before the database did, from every event read into memory. */
async function metricsInMemory(shop: string, days: number) {
  const since = new Date(Date.now() - days * 86_400_000);
  const events = await prisma.analyticsEvent.findMany({ where: { shop, createdAt: { gte: since } } });
  const sessions = new Map<string, Set<string>>();
  for (const { sessionId, type } of events) sessions.set(sessionId, (sessions.get(sessionId) ?? new Set()).add(type));
  const helped = new Set<string>(HELPED_EVENT_TYPES);
  const rank = (types: string[]) => {
    const counts = new Map<string, { count: number; sessions: Set<string> }>();
    for (const event of events) {
      const query = (JSON.parse(event.data) as { query?: string }).query;
      if (!types.includes(event.type) || !query) continue;
      const entry = counts.get(query) ?? { count: 0, sessions: new Set<string>() };
      entry.count++;
      entry.sessions.add(event.sessionId);
      counts.set(query, entry);
    }
    return [...counts]
      .filter(([, entry]) => entry.sessions.size >= MIN_SESSIONS_PER_SEARCH)
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([query, { count }]) => ({ query, count }));
  };
  const rated = (answer: boolean) =>
    events.filter((event) => event.type === "article_helpful" && JSON.parse(event.data).helpful === answer).length;
  return {
    days,
    visits: sessions.size,
    selfServed: [...sessions.values()].filter(
      (types) => !types.has("contact_sent") && [...types].some((type) => helped.has(type)),
    ).length,
    contacts: await prisma.contactRequest.count({ where: { shop, createdAt: { gte: since } } }),
    helpful: { yes: rated(true), no: rated(false) },
    topSearches: rank(["search", "search_no_results"]),
    unanswered: rank(["search_no_results"]),
  };
}

describe("the numbers counted by the database", () => {
  it("are the ones the app counted from every event, on a varied set of visits", async () => {
    const texts = [
      "delivery",
      "returns",
      "warranty",
      "gift wrap",
      "sizes",
      "exchange",
      "refund 30 days",
      "où est ma commande",
    ];
    const types = ANALYTICS_EVENT_TYPES;
    for (let n = 1; n <= 60; n++) {
      const events: Parameters<typeof recordAnalyticsEvents>[1]["events"] = [];
      for (let e = 0; e < 1 + ((n * 7) % 5); e++) {
        const type = types[(n * 3 + e * 5) % types.length]!;
        if (type === "search" || type === "search_no_results") {
          events.push({ type, query: texts[(n + e * 3) % texts.length], results: type === "search" ? 1 : 0 });
        } else if (type === "article_open") events.push({ type, articleId: n % 2 ? "a" : "b" });
        else if (type === "article_helpful") events.push({ type, articleId: "a", helpful: n % 3 !== 0 });
        else events.push({ type });
      }
      await visit(n % 10 === 0 ? OTHER_SHOP : SHOP, n, events);
    }
    await contact(SHOP);
    // Some visits older than the period.
    const aged = { shop: SHOP, sessionId: { in: [session(7), session(13), session(21)] } };
    await prisma.analyticsEvent.updateMany({
      where: aged,
      data: { createdAt: new Date(Date.now() - 90 * 86_400_000) },
    });
    await prisma.analyticsSession.updateMany({
      where: aged,
      data: { lastSeenAt: new Date(Date.now() - 90 * 86_400_000) },
    });
    const expected = await metricsInMemory(SHOP, 60);
    expect(expected.visits).toBeGreaterThan(40);
    expect(expected.topSearches.length).toBeGreaterThan(3);
    expect(await getPortalMetrics(SHOP, 60)).toEqual(expected);
  });
});
