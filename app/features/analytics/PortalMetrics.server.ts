import type { Db } from "../../db-types.server";
import prisma from "../../db.server";

/**
 * How the storefront portal is doing for one shop over recent days, from its privacy-safe analytics events
 * (random per-page-view session ids, scrubbed search text) and its contact requests. Nothing is estimated: a
 * shop with no event gets `null`, and the Home page says so.
 */
export interface PortalMetrics {
  days: number;
  /** Page views of the portal in which the shopper did anything (searched, opened an answer, an order…). */
  visits: number;
  /** Visits where the shopper found something (an answer, a search result, their order, a return) and sent no message. */
  selfServed: number;
  /** Contact requests received. */
  contacts: number;
  /** "Was this helpful?" answers. */
  helpful: { yes: number; no: number };
  /** Most frequent searches, and those that found no answer: the FAQ articles to write next. */
  topSearches: { query: string; count: number }[];
  unanswered: { query: string; count: number }[];
}

/** Events that mean the portal helped: an answer read, an order followed, a return started, a search that found something. */
const HELPED = new Set(["article_open", "tracking_view", "return_started", "search"]);
/** The most recent searches read to rank them: plenty for a top 5, bounded for a busy shop. */
const SEARCHES_READ = 2000;
const TOP = 5;

export async function getPortalMetrics(shop: string, days: number, now = new Date(), db: Db = prisma) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const window = { shop, createdAt: { gte: since } };
  // Stored as compact JSON (AnalyticsEvent.server.ts), so the answer is a fixed substring of `data`.
  const rated = (answer: boolean) =>
    db.analyticsEvent.count({
      where: { ...window, type: "article_helpful", data: { contains: `"helpful":${answer}` } },
    });
  const [sessionTypes, contacts, yes, no, searches] = await Promise.all([
    db.analyticsEvent.groupBy({ by: ["sessionId", "type"], where: window }),
    db.contactRequest.count({ where: window }),
    rated(true),
    rated(false),
    db.analyticsEvent.findMany({
      where: { ...window, type: { in: ["search", "search_no_results"] } },
      select: { type: true, data: true },
      orderBy: { createdAt: "desc" },
      take: SEARCHES_READ,
    }),
  ]);
  if (sessionTypes.length === 0 && contacts === 0) return null;

  const sessions = new Map<string, Set<string>>();
  for (const { sessionId, type } of sessionTypes) {
    const types = sessions.get(sessionId) ?? new Set<string>();
    types.add(type);
    sessions.set(sessionId, types);
  }
  const selfServed = [...sessions.values()].filter(
    (types) => !types.has("contact_sent") && [...types].some((type) => HELPED.has(type)),
  ).length;

  return {
    days,
    visits: sessions.size,
    selfServed,
    contacts,
    helpful: { yes, no },
    topSearches: rank(searches.map(({ data }) => parse(data).query)),
    unanswered: rank(searches.filter(({ type }) => type === "search_no_results").map(({ data }) => parse(data).query)),
  } satisfies PortalMetrics;
}

function parse(data: string): { query?: unknown } {
  try {
    return JSON.parse(data) as { query?: unknown };
  } catch {
    return {};
  }
}

/** The most frequent texts (already scrubbed and lower-cased when stored), most frequent first. */
function rank(queries: unknown[]): { query: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const query of queries) {
    if (typeof query === "string" && query.trim()) counts.set(query.trim(), (counts.get(query.trim()) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP)
    .map(([query, count]) => ({ query, count }));
}
