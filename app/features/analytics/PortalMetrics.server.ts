import type { Db } from "../../db-types.server";
import prisma from "../../db.server";

/**
 * How the storefront portal is doing for one shop over recent days, from its privacy-safe analytics events
 * (random per-page-view session ids, scrubbed search text) and its contact requests. Nothing is estimated: a
 * shop with no event gets `null`, and the Home page says so.
 *
 * Every figure is counted by the database from an index (visits from AnalyticsSession, one row per visit kept as
 * its events arrive; ratings and searches from AnalyticsEvent), so the card costs the same memory whether the shop
 * has a hundred events or millions. The one raw query is SQL that SQLite and PostgreSQL share.
 *
 * A visit counts in the period when it was last seen in it: a visit is one page view, minutes long, so the only
 * difference from counting its events is a visit that straddles the start of the period.
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
  /**
   * Most frequent searches, and those that found no answer: the FAQ articles to write next. Only texts that at
   * least `MIN_SESSIONS_PER_SEARCH` different visits searched: one shopper's own words never reach the merchant.
   */
  topSearches: { query: string; count: number }[];
  unanswered: { query: string; count: number }[];
}

export { HELPED_EVENT_TYPES } from "./AnalyticsEvent.server";
/** k-anonymity of the searches shown: a text appears once this many distinct visits searched it. */
export const MIN_SESSIONS_PER_SEARCH = 3;
const TOP = 5;

export async function getPortalMetrics(shop: string, days: number, now = new Date(), db: Db = prisma) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const window = { shop, createdAt: { gte: since } };
  const rated = (helpful: boolean) =>
    db.analyticsEvent.count({ where: { ...window, type: "article_helpful", helpful } });
  const visits = { shop, lastSeenAt: { gte: since } };
  const [visitCount, selfServed, contacts, yes, no, { topSearches, unanswered }] = await Promise.all([
    db.analyticsSession.count({ where: visits }),
    db.analyticsSession.count({ where: { ...visits, helped: true, contacted: false } }),
    db.contactRequest.count({ where: window }),
    rated(true),
    rated(false),
    rankSearches(shop, since, db),
  ]);
  if (visitCount === 0 && contacts === 0) return null;
  return {
    days,
    visits: visitCount,
    selfServed,
    contacts,
    helpful: { yes, no },
    topSearches,
    unanswered,
  } satisfies PortalMetrics;
}

/**
 * The most frequent search texts (already scrubbed and lower-cased when stored), most frequent first, among those
 * enough distinct visits made: all searches, and those that found nothing. One pass over the shop's searches in
 * the order of the (shop, query, sessionId, …) index: each text's searches and distinct visits are counted as the
 * index hands them over, with no sort and no hash table of every (text, visit) pair, which on PostgreSQL spilled
 * to disk at a million events.
 */
async function rankSearches(shop: string, since: Date, db: Db) {
  const rows = await db.$queryRaw<RankedSearch[]>`
    WITH "texts" AS (
      SELECT "query",
             COUNT(*) AS "searches",
             COUNT(DISTINCT "sessionId") AS "visits",
             COUNT(*) FILTER (WHERE "type" = 'search_no_results') AS "unanswered",
             COUNT(DISTINCT "sessionId") FILTER (WHERE "type" = 'search_no_results') AS "unansweredVisits"
      FROM "AnalyticsEvent"
      WHERE "shop" = ${shop} AND "query" > '' AND "createdAt" >= ${since}
        AND ("type" = 'search' OR "type" = 'search_no_results')
      GROUP BY "query"
    )
    SELECT * FROM (
      SELECT 'all' AS "ranking", "query", "searches" AS "count"
      FROM "texts"
      WHERE "visits" >= ${MIN_SESSIONS_PER_SEARCH}
      ORDER BY "searches" DESC, "query" ASC
      LIMIT ${TOP}
    ) AS "top"
    UNION ALL
    SELECT * FROM (
      SELECT 'unanswered' AS "ranking", "query", "unanswered" AS "count"
      FROM "texts"
      WHERE "unansweredVisits" >= ${MIN_SESSIONS_PER_SEARCH}
      ORDER BY "unanswered" DESC, "query" ASC
      LIMIT ${TOP}
    ) AS "unanswered"`;
  // Ties in the merchant's reading order (the database orders them by bytes).
  const ranking = (which: RankedSearch["ranking"]) =>
    rows
      .filter((row) => row.ranking === which)
      .map(({ query, count }) => ({ query, count: Number(count) }))
      .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query));
  return { topSearches: ranking("all"), unanswered: ranking("unanswered") };
}

type RankedSearch = { ranking: "all" | "unanswered"; query: string; count: number | bigint };
