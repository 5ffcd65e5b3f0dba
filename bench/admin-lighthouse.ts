/**
 * `npm run bench:admin`: Lighthouse on every embedded admin page, as the admin frame loads them.
 *
 * Starts the demo itself (emulator + production build of the app) on free ports with a throwaway SQLite
 * database, seeds a realistic FAQ (the starter articles plus generated ones), then runs Lighthouse's
 * performance category several times per page with a desktop and a mobile config, and prints the median
 * LCP, CLS, TBT, FCP and score per page against the goals. JSON results land in bench/results/ (git-ignored).
 * It measures and prints; it never fails the build.
 *
 * Environment: BENCH_RUNS (runs per page and config, default 3), BENCH_SKIP_BUILD=1 (reuse the last build in
 * RESOLVE_BUILD_DIR), CHROME_PATH (default /usr/bin/chromium), BENCH_ARTICLES (generated articles, default 120),
 * BENCH_PAGES (comma-separated page names, default all), BENCH_REQUESTS (contact requests in the inbox, default 60).
 */
import fs from "node:fs";
import path from "node:path";

import type * as chromeLauncher from "chrome-launcher";
import type { Config } from "lighthouse";

import { BROWSER_USER_AGENT } from "../e2e/chromium";
import {
  launchChrome,
  median,
  ms,
  PERFORMANCE_CONFIGS,
  resultsDir,
  runAsScript,
  runLighthouse,
  saveGeneratedArticles,
  screenshotJpeg,
  startBenchDemo,
  pointAppAtDemo,
  writeResults,
} from "./bench-kit";

/** The goals this benchmark reports against (milliseconds, except CLS). */
export const GOALS = { lcpGoalMs: 1500, lcpShopifyMs: 2500, clsShopify: 0.1 } as const;

/** The Shopify library turns away bots (HeadlessChrome included), so Lighthouse says it is a merchant's Chrome. */
const DESKTOP_UA = BROWSER_USER_AGENT;
const MOBILE_UA =
  "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

export interface RunMetrics {
  lcpMs: number;
  clsScore: number;
  tbtMs: number;
  fcpMs: number;
  score: number;
}

export function summarise(runs: RunMetrics[]): RunMetrics {
  return {
    lcpMs: median(runs.map((run) => run.lcpMs)),
    clsScore: median(runs.map((run) => run.clsScore)),
    tbtMs: median(runs.map((run) => run.tbtMs)),
    fcpMs: median(runs.map((run) => run.fcpMs)),
    score: median(runs.map((run) => run.score)),
  };
}

export function verdict(metrics: RunMetrics) {
  return {
    lcpGoal: metrics.lcpMs <= GOALS.lcpGoalMs,
    lcpShopify: metrics.lcpMs <= GOALS.lcpShopifyMs,
    clsShopify: metrics.clsScore <= GOALS.clsShopify,
  };
}

const configs: Record<"desktop" | "mobile", { config: Config; userAgent: string }> = {
  desktop: { config: PERFORMANCE_CONFIGS.desktop, userAgent: DESKTOP_UA },
  mobile: { config: PERFORMANCE_CONFIGS.mobile, userAgent: MOBILE_UA },
};

/** Seeds the throwaway database through the app's own models: the starter articles and `count` more, half published. */
async function seedFaq(shop: string, count: number): Promise<number> {
  const { addStarterArticles } = await import("../app/features/faq/faq-starter-articles.server");
  const { countArticles } = await import("../app/features/faq/Faq.server");
  const locales = [{ locale: "en", primary: true }];
  await addStarterArticles(shop, locales);
  await saveGeneratedArticles(shop, count, {
    status: (index) => (index % 2 === 0 ? "published" : "draft"),
    answer: (topic) =>
      `Here is how **${topic.toLowerCase()}** works.\n\n- Step one: check your confirmation email.\n- Step two: open [your account](/account).\n\nStill stuck? Contact us and we will answer within one business day.`,
  });
  return countArticles(shop);
}

/** Contact requests in the inbox, written as the storefront's contact route stores them (no SMTP, no shopper). */
async function seedRequests(shop: string, count: number): Promise<string | null> {
  const { default: prisma } = await import("../app/db.server");
  let firstId: string | null = null;
  for (let index = 0; index < count; index += 1) {
    const row = await prisma.contactRequest.create({
      data: {
        shop,
        reference: `BENCH${String(index).padStart(4, "0")}`,
        submissionKey: `bench-${index}`,
        name: `Shopper ${index + 1}`,
        email: `shopper${index + 1}@example.com`,
        message: `My parcel for order #${1001 + index} has not arrived yet. Could you check where it is?`,
        orderName: `#${1001 + index}`,
        locale: "en",
        context: JSON.stringify({ searches: ["where is my order"], articlesOpened: [], page: "/pages/help" }),
      },
      select: { id: true },
    });
    firstId ??= row.id;
  }
  return firstId;
}

async function firstArticleId(shop: string): Promise<string> {
  const { default: prisma } = await import("../app/db.server");
  const article = await prisma.faqArticle.findFirst({
    where: { shop },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  if (!article) throw new Error("No FAQ article to open");
  return article.id;
}

function metricsOf(lhr: {
  audits: Record<string, { numericValue?: number }>;
  categories: Record<string, { score: number | null }>;
}): RunMetrics {
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    lcpMs: value("largest-contentful-paint"),
    clsScore: value("cumulative-layout-shift"),
    tbtMs: value("total-blocking-time"),
    fcpMs: value("first-contentful-paint"),
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
  };
}

type AuditItems = Record<string, { details?: { items?: Record<string, unknown>[] } }>;

/** Where the bytes and the main-thread time go (the last run of a row): what to fix when LCP or TBT is bad. */
interface Diagnostics {
  transferKb: Record<string, number>;
  bootupMs: { url: string; scriptingMs: number }[];
}

function diagnosticsOf(lhr: { audits: AuditItems }): Diagnostics {
  const transferKb: Record<string, number> = {};
  for (const item of lhr.audits["resource-summary"]?.details?.items ?? []) {
    transferKb[String(item.resourceType)] = Math.round(Number(item.transferSize ?? 0) / 1024);
  }
  const bootupMs = (lhr.audits["bootup-time"]?.details?.items ?? [])
    .map((item) => ({
      url: String(item.url).replace(/\?.*$/, ""),
      scriptingMs: Math.round(Number(item.scripting ?? 0)),
    }))
    .sort((a, b) => b.scriptingMs - a.scriptingMs)
    .slice(0, 5);
  return { transferKb, bootupMs };
}

const mark = (ok: boolean) => (ok ? "pass" : "FAIL");

async function main() {
  const startedAt = Date.now();
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const articleCount = Math.max(0, Number(process.env.BENCH_ARTICLES ?? 120));
  const bench = await startBenchDemo();
  const { demo } = bench;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    pointAppAtDemo(bench);
    const shop = demo.emulator.shop;
    const articles = await seedFaq(shop, articleCount);
    const requestCount = Math.max(1, Number(process.env.BENCH_REQUESTS ?? 60));
    const requestId = await seedRequests(shop, requestCount);
    const articleId = await firstArticleId(shop);
    console.log(
      `Demo up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; seeded ${articles} FAQ articles and ${requestCount} contact requests.`,
    );

    const outDir = resultsDir();
    chrome = await launchChrome();
    // Every page of the admin's navigation and what opens from it.
    const allPages: Record<string, string> = {
      home: "/app",
      policy: "/app/policy",
      faq: "/app/faq",
      "faq-article": `/app/faq/${articleId}`,
      "faq-new": "/app/faq/new",
      "faq-categories": "/app/faq/categories",
      "faq-import": "/app/faq/import",
      branding: "/app/branding",
      requests: "/app/requests",
      "request-detail": `/app/requests/${requestId}`,
    };
    const wanted = process.env.BENCH_PAGES?.split(",").map((name) => name.trim());
    const pages = Object.entries(allPages).filter(([name]) => !wanted || wanted.includes(name));
    const urlFor = async (pathname: string) => {
      // A fresh session token each run, as the admin mints one each time it loads the frame.
      const url = new URL(await demo.emulator.embeddedAppUrl());
      url.pathname = pathname;
      return url.toString();
    };

    const results: {
      page: string;
      formFactor: string;
      runs: RunMetrics[];
      median: RunMetrics;
      verdict: ReturnType<typeof verdict>;
      renderBlocking: { url: string; wastedMs: number }[];
      diagnostics: Diagnostics;
    }[] = [];
    for (const [page, pathname] of pages) {
      for (const [formFactor, { config, userAgent }] of Object.entries(configs)) {
        const measured: RunMetrics[] = [];
        let renderBlocking: { url: string; wastedMs: number }[] = [];
        let diagnostics: Diagnostics = { transferKb: {}, bootupMs: [] };
        let finalScreenshot: string | undefined;
        for (let run = 0; run < runs; run += 1) {
          const lhr = await runLighthouse(
            chrome,
            await urlFor(pathname),
            { emulatedUserAgent: userAgent },
            config,
            page,
          );
          if (new URL(lhr.finalDisplayedUrl).pathname !== pathname) {
            throw new Error(`${page} ended on ${lhr.finalDisplayedUrl}, not the app page`);
          }
          measured.push(metricsOf(lhr as never));
          diagnostics = diagnosticsOf(lhr as never);
          finalScreenshot = (lhr.audits["final-screenshot"]?.details as { data?: string } | undefined)?.data;
          const blocking = lhr.audits["render-blocking-insight"] ?? lhr.audits["render-blocking-resources"];
          const items = (blocking?.details as { items?: { url?: string; wastedMs?: number }[] } | undefined)?.items;
          if (items) {
            renderBlocking = items
              .filter((item) => typeof item.url === "string")
              .map((item) => ({ url: item.url!.replace(/\?.*$/, ""), wastedMs: Math.round(item.wastedMs ?? 0) }));
          }
        }
        // What the page showed at the end of the last run, to check the benchmark measured the real page.
        const jpeg = screenshotJpeg(finalScreenshot);
        if (jpeg) fs.writeFileSync(path.join(outDir, `${page}-${formFactor}.jpg`), jpeg);
        const summary = summarise(measured);
        results.push({
          page,
          formFactor,
          runs: measured,
          median: summary,
          verdict: verdict(summary),
          renderBlocking,
          diagnostics,
        });
        console.log(`  ${page} / ${formFactor}: ${runs} runs done (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
      }
    }

    console.log(
      `\nMedian of ${runs} Lighthouse runs per row (goal LCP ≤ ${GOALS.lcpGoalMs} ms; Shopify admin: LCP ≤ ${GOALS.lcpShopifyMs} ms, CLS ≤ ${GOALS.clsShopify})\n`,
    );
    console.table(
      results.map(({ page, formFactor, median: m, verdict: v }) => ({
        page,
        config: formFactor,
        LCP: ms(m.lcpMs),
        CLS: m.clsScore.toFixed(3),
        TBT: ms(m.tbtMs),
        FCP: ms(m.fcpMs),
        score: m.score,
        "LCP ≤ 1.5 s": mark(v.lcpGoal),
        "LCP ≤ 2.5 s": mark(v.lcpShopify),
        "CLS ≤ 0.1": mark(v.clsShopify),
      })),
    );
    for (const result of results) {
      const kb = result.diagnostics.transferKb;
      console.log(
        `${result.page} / ${result.formFactor}: transferred ${kb.total ?? 0} KB (script ${kb.script ?? 0} KB, stylesheet ${kb.stylesheet ?? 0} KB, document ${kb.document ?? 0} KB); most script time: ${result.diagnostics.bootupMs
          .slice(0, 3)
          .map((item) => `${path.basename(item.url)} ${item.scriptingMs} ms`)
          .join(", ")}`,
      );
      if (result.renderBlocking.length > 0) {
        console.log(`Render-blocking on ${result.page} / ${result.formFactor}:`);
        for (const item of result.renderBlocking) console.log(`  ${item.url} (${item.wastedMs} ms)`);
      }
    }

    const outFile = writeResults("admin-lighthouse", {
      at: new Date().toISOString(),
      lighthouse: "13",
      runsPerRow: runs,
      faqArticles: articles,
      goals: GOALS,
      results,
    });
    console.log(`\nResults: ${outFile} (total ${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
  } finally {
    chrome?.kill();
    await bench.stop();
  }
}

runAsScript(import.meta.url, main);
