/**
 * npm run bench:analytics — the Home card's portal figures (getPortalMetrics) at 1,000,000 analytics events for one
 * shop among several, on SQLite, or on PostgreSQL with BENCH_DATABASE=postgres. Seeds in the database itself (one
 * INSERT … SELECT per shop), then prints the card's query time and how much the process memory grew.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { migrate } from "../scripts/db.mjs";
import { TEST_APP_ENV } from "../test/app-env";
import { startPostgres } from "../test/postgres";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const OTHER_SHOPS = 4;
const OTHER_EVENTS = 100_000;
const RUNS = 7;
const SHOP = "bench-analytics.myshopify.com";
const PERIOD_SECONDS = 59 * 86_400;

/**
 * One shop's events, four per visit: a search (one in five finds nothing; one in ten is a text only that visit
 * typed), an answer opened, an order followed or an answer rated, a return started or a message sent.
 */
function seedSql(postgres: boolean, shop: string, count: number, sessionOffset: number) {
  const series = postgres
    ? `SELECT i FROM generate_series(0::bigint, ${count - 1}) AS i`
    : `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${count - 1}) SELECT i FROM n`;
  const text = (expression: string) => (postgres ? `(${expression})::text` : `CAST(${expression} AS TEXT)`);
  const session = postgres
    ? `'00000000-0000-4000-8000-' || lpad(${text(`i / 4 + ${sessionOffset}`)}, 12, '0')`
    : `printf('00000000-0000-4000-8000-%012d', i / 4 + ${sessionOffset})`;
  const createdAt = postgres
    ? `now() - (i % ${PERIOD_SECONDS}) * interval '1 second'`
    : `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-' || (i % ${PERIOD_SECONDS}) || ' seconds')`;
  const query = `CASE WHEN i % 40 = 0 THEN 'only me ' || ${text("i")} ELSE 'common search ' || ${text("(i * 7919) % 60")} END`;
  const type = `CASE i % 4
      WHEN 0 THEN CASE WHEN i % 5 = 0 THEN 'search_no_results' ELSE 'search' END
      WHEN 1 THEN 'article_open'
      WHEN 2 THEN CASE WHEN i % 3 = 0 THEN 'article_helpful' ELSE 'tracking_view' END
      ELSE CASE WHEN i % 20 = 3 THEN 'contact_sent' ELSE 'return_started' END END`;
  const data = `CASE i % 4
      WHEN 0 THEN '{"query":"' || ${query} || '","results":' || CASE WHEN i % 5 = 0 THEN '0' ELSE '2' END || '}'
      WHEN 1 THEN '{"articleId":"shipping"}'
      WHEN 2 THEN CASE WHEN i % 3 = 0 THEN '{"articleId":"shipping","helpful":' || CASE WHEN (i / 4) % 2 = 0 THEN 'true' ELSE 'false' END || '}' ELSE '{}' END
      ELSE '{}' END`;
  const helpful = `CASE WHEN i % 4 = 2 AND i % 3 = 0 THEN (i / 4) % 2 = 0 END`;
  return `INSERT INTO "AnalyticsEvent" ("id", "shop", "sessionId", "type", "data", "query", "helpful", "locale", "createdAt")
    SELECT '${shop}-' || ${text("i")}, '${shop}', ${session}, ${type}, ${data},
           CASE WHEN i % 4 = 0 THEN ${query} ELSE NULL END, ${helpful}, 'en', ${createdAt}
    FROM (${series}) AS numbers`;
}

/** The visits of the seeded events, as recordAnalyticsEvents keeps them. */
function visitsSql(postgres: boolean) {
  const helped = `"type" IN ('article_open', 'tracking_view', 'return_started', 'search')`;
  const flag = (condition: string) =>
    postgres ? `bool_or(${condition})` : `MAX(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  return `INSERT INTO "AnalyticsSession" ("shop", "sessionId", "lastSeenAt", "helped", "contacted")
    SELECT "shop", "sessionId", MAX("createdAt"), ${flag(helped)}, ${flag(`"type" = 'contact_sent'`)}
    FROM "AnalyticsEvent" GROUP BY "shop", "sessionId"`;
}

async function main() {
  const postgres = process.env.BENCH_DATABASE === "postgres";
  const server = postgres ? await startPostgres({ database: "resolve_bench" }) : undefined;
  const dir = postgres ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "resolve-bench-analytics-"));
  const url = server?.url ?? `file:${path.join(dir!, "bench.sqlite")}`;
  try {
    await migrate(url);
    Object.assign(process.env, TEST_APP_ENV, { DATABASE_URL: url, NODE_ENV: "production" });
    const { default: prisma } = await import("../app/db.server");
    const { getPortalMetrics } = await import("../app/features/analytics/PortalMetrics.server");

    let started = performance.now();
    await prisma.$executeRawUnsafe(seedSql(postgres, SHOP, EVENTS, 0));
    for (let n = 1; n <= OTHER_SHOPS; n++) {
      await prisma.$executeRawUnsafe(seedSql(postgres, `bench-other-${n}.myshopify.com`, OTHER_EVENTS, n * 1_000_000));
    }
    await prisma.$executeRawUnsafe(visitsSql(postgres));
    // A live PostgreSQL has autovacuum keep its statistics and visibility map; a freshly loaded table has neither.
    // Both tables the card reads were just loaded.
    await prisma.$executeRawUnsafe(postgres ? `VACUUM ANALYZE "AnalyticsEvent", "AnalyticsSession"` : `ANALYZE`);
    const total = EVENTS + OTHER_SHOPS * OTHER_EVENTS;
    console.log(
      `${postgres ? "PostgreSQL" : "SQLite"}: seeded ${total.toLocaleString("en")} events (${EVENTS.toLocaleString("en")} for one shop, ${OTHER_SHOPS} other shops) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    global.gc?.();
    const before = process.memoryUsage();
    const times: number[] = [];
    let metrics: Awaited<ReturnType<typeof getPortalMetrics>> = null;
    for (let run = 0; run < RUNS; run++) {
      started = performance.now();
      metrics = await getPortalMetrics(SHOP, 60, new Date(), prisma);
      times.push(performance.now() - started);
    }
    const after = process.memoryUsage();
    const sorted = [...times].sort((a, b) => a - b);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `Home card figures, ${RUNS} runs: first ${Math.round(times[0]!)} ms, median ${Math.round(sorted[Math.floor(RUNS / 2)]!)} ms, max ${Math.round(sorted[RUNS - 1]!)} ms`,
    );
    console.log(
      `Process memory growth over the runs: RSS ${mb(after.rss - before.rss)}, heap ${mb(after.heapUsed - before.heapUsed)}`,
    );
    console.log(
      `Figures: ${JSON.stringify({ visits: metrics?.visits, selfServed: metrics?.selfServed, helpful: metrics?.helpful, topSearches: metrics?.topSearches.length, unanswered: metrics?.unanswered.length })}`,
    );
    await prisma.$disconnect();
  } finally {
    await server?.stop();
    if (dir && !process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    if (dir && process.env.BENCH_KEEP) console.log(url);
  }
}

await main();
