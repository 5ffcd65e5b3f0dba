/**
 * `npm run bench:storefront`: what the Resolve block costs the storefront page it sits on, in Lighthouse terms.
 *
 * Starts the demo (emulator + production build of the app) with a throwaway SQLite database and a fresh shop,
 * seeds a realistic help centre through the app's own models (the starter FAQ, generated published articles, a
 * return policy), publishes it to the storefront as the merchant's "Publish again" does (the app's FAQ page action,
 * through the real `metafieldsSet` path), then runs Lighthouse's performance category on the emulator's help page
 * WITH the block and WITHOUT it (`/pages/help?resolve_block=off`: the same page, an empty app section and no block
 * assets), interleaved run by run so both see the same machine state, with the mobile and the desktop config, as a
 * guest and signed in (the emulator's customer cookie). Prints the medians and the score difference the issue
 * asks for (goal: the block costs ≤ 1 point). JSON and final screenshots land in bench/results/ (git-ignored).
 * It measures and prints; it never fails the build (exit 1 only when it could not run).
 *
 * Shopify serves storefront HTML and extension assets compressed; the emulator does not, so Lighthouse reaches the
 * page through a small gzip front (level 6 for HTML, level 9 for assets, as a CDN stores them) unless
 * BENCH_COMPRESS=0. Without it the simulated mobile network charges the block for ~5x the bytes Shopify sends.
 *
 * Environment: BENCH_RUNS (runs per row, default 5), BENCH_ARTICLES (generated published FAQ articles on top of the
 * starter ones, default 30), BENCH_SIGNED_IN=0 (skip the signed-in rows), BENCH_SKIP_BUILD=1 (reuse the last build
 * in RESOLVE_BUILD_DIR), CHROME_PATH (default /usr/bin/chromium).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

import type * as chromeLauncher from "chrome-launcher";

import { publishThroughApp } from "../emulator/demo-content";
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

/** The goal: the block lowers the page's Lighthouse performance score by at most this many points. */
export const MAX_SCORE_DROP = 1;

const formFactors = PERFORMANCE_CONFIGS;

export interface PageMetrics {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  transferBytes: number;
  /** Bytes transferred for the block: its assets and any app-proxy call its script makes. */
  blockBytes: number;
}

const METRIC_KEYS = ["score", "lcpMs", "tbtMs", "cls", "fcpMs", "transferBytes", "blockBytes"] as const;

export function medianMetrics(runs: PageMetrics[]): PageMetrics {
  return Object.fromEntries(
    METRIC_KEYS.map((key) => [key, median(runs.map((run) => run[key]))]),
  ) as unknown as PageMetrics;
}

interface Lhr {
  audits: Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[]; data?: string } }>;
  categories: Record<string, { score: number | null }>;
}

/** Requests that exist only because of the block. */
export function isBlockRequest(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.startsWith("/extensions/self-service/assets/") || pathname.startsWith("/apps/resolve/");
}

/** The elements that moved most (Lighthouse's layout-shifts audit): what to fix when CLS is not 0. */
function layoutShiftsOf(lhr: Lhr): { element: string; score: number }[] {
  return (lhr.audits["layout-shifts"]?.details?.items ?? []).map((item) => {
    const node = item.node as { selector?: string; snippet?: string } | undefined;
    return {
      element: `${node?.selector ?? "?"} ${(node?.snippet ?? "").slice(0, 120)}`.trim(),
      score: Number(Number(item.score ?? 0).toFixed(3)),
    };
  });
}

function metricsOf(lhr: Lhr): {
  metrics: PageMetrics;
  blockRequests: string[];
  requests: { url: string; transferSize: number }[];
} {
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const requests = (lhr.audits["network-requests"]?.details?.items ?? []).map((item) => ({
    url: String(item.url),
    transferSize: Number(item.transferSize ?? 0),
  }));
  const block = requests.filter((request) => isBlockRequest(request.url));
  return {
    metrics: {
      score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      lcpMs: value("largest-contentful-paint"),
      tbtMs: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      fcpMs: value("first-contentful-paint"),
      transferBytes: value("total-byte-weight"),
      blockBytes: block.reduce((sum, request) => sum + request.transferSize, 0),
    },
    blockRequests: block.map((request) => new URL(request.url).pathname),
    requests: requests.map((request) => ({ ...request, url: new URL(request.url).pathname })),
  };
}

/** The shop's help centre, through the app's own models: what a merchant who finished setup has. */
async function seedHelpCentre(shop: string, generated: number) {
  const { addStarterArticles } = await import("../app/features/faq/faq-starter-articles.server");
  const { setArticlesStatus, countPublishedArticles } = await import("../app/features/faq/Faq.server");
  const { saveReturnPolicy } = await import("../app/features/policy/ReturnPolicy.server");
  const { default: prisma } = await import("../app/db.server");
  const locales = [{ locale: "en", primary: true }];

  await addStarterArticles(shop, locales);
  const starters = await prisma.faqArticle.findMany({ where: { shop }, select: { id: true } });
  // Starter articles that still hold review placeholders stay drafts, as they would for the merchant.
  await setArticlesStatus(
    shop,
    starters.map((article) => article.id),
    "published",
  );
  await saveGeneratedArticles(shop, generated, {
    status: () => "published",
    answer: (topic) =>
      `Here is how **${topic.toLowerCase()}** works.\n\n- Check your confirmation email.\n- Open [your account](/account).\n\nStill stuck? Contact us and we will answer within one business day.`,
  });
  const policy = await saveReturnPolicy(shop, {
    policyText: {
      en: "We accept returns of unworn items within **30 days** of delivery.\n\nRefunds go back to the original payment method within 5 business days of the return reaching us. Final-sale items cannot be returned.",
    },
  });
  if (!policy.ok) throw new Error(`Saving the return policy failed: ${JSON.stringify(policy.fieldErrors)}`);
  return countPublishedArticles(shop);
}

interface Variant {
  name: string;
  block: boolean;
  signedIn: boolean;
  url: string;
  headers: Record<string, string>;
}

/**
 * A gzip front for the emulator's storefront, as Shopify's edge compresses responses: GET only, the request's
 * cookies passed through, text responses gzipped when the browser accepts it.
 */
async function startCompressingFront(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const forward = async () => {
      const upstream = await fetch(new URL(request.url ?? "/", target), {
        headers: {
          cookie: request.headers.cookie ?? "",
          accept: request.headers.accept ?? "*/*",
          "accept-language": request.headers["accept-language"] ?? "",
        },
        redirect: "manual",
      });
      const headers: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name))
          headers[name] = value;
      });
      const cookies = upstream.headers.getSetCookie();
      let body = Buffer.from(await upstream.arrayBuffer());
      const type = upstream.headers.get("content-type") ?? "";
      if (
        /^(text\/|application\/(json|javascript))/.test(type) &&
        /\bgzip\b/.test(String(request.headers["accept-encoding"]))
      ) {
        body = gzipSync(body, { level: type.startsWith("text/html") ? 6 : 9 });
        headers["content-encoding"] = "gzip";
        headers.vary = "Accept-Encoding";
      }
      response.writeHead(upstream.status, { ...headers, ...(cookies.length > 0 ? { "set-cookie": cookies } : {}) });
      response.end(body);
    };
    forward().catch((error: unknown) => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : "n/a");

async function main() {
  const startedAt = Date.now();
  const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
  const generated = Math.max(0, Number(process.env.BENCH_ARTICLES ?? 30));
  const signedInRows = process.env.BENCH_SIGNED_IN !== "0";
  const compress = process.env.BENCH_COMPRESS !== "0";
  const bench = await startBenchDemo();
  const { demo } = bench;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let front: Awaited<ReturnType<typeof startCompressingFront>> | undefined;
  try {
    pointAppAtDemo(bench);
    const before = demo.emulator.adminApi.appDataMetafields().resolve?.content_en;
    const published = await seedHelpCentre(demo.emulator.shop, generated);
    const faqOnPage = await publishThroughApp(demo);
    if (!faqOnPage) throw new Error("The storefront snapshot has no FAQ after publishing");
    console.log(
      `Demo up and published in ${elapsed()}: ${before ? "the shop already had" : "the fresh shop had no"} storefront content; ` +
        `now ${published} published FAQ articles (${faqOnPage} in the snapshot) and a return policy.`,
    );

    const state = demo.emulator.adminApi.state;
    const shopper = state.customers.find((customer) => state.orders.some((order) => order.customerId === customer.id));
    if (compress) front = await startCompressingFront(demo.emulator.url);
    const page = `${front?.url ?? demo.emulator.url}/pages/help`;
    const variants: Variant[] = [
      { name: "without block", block: false, signedIn: false, url: `${page}?resolve_block=off`, headers: {} },
      { name: "with block", block: true, signedIn: false, url: page, headers: {} },
    ];
    if (signedInRows && shopper) {
      const cookie = { Cookie: `emulator_customer=${shopper.id}` };
      variants.push(
        {
          name: "without block, signed in",
          block: false,
          signedIn: true,
          url: `${page}?resolve_block=off`,
          headers: cookie,
        },
        { name: "with block, signed in", block: true, signedIn: true, url: page, headers: cookie },
      );
    }

    // The pages measured are the pages meant: the FAQ is on the one, nothing of the block on the other.
    for (const variant of variants) {
      const html = await (await fetch(variant.url, { headers: variant.headers })).text();
      const hasBlock = html.includes('id="shopify-block-') && html.includes("<details");
      if (hasBlock !== variant.block)
        throw new Error(`${variant.name}: the page ${hasBlock ? "has" : "lacks"} the block`);
      if (variant.signedIn && !html.includes(`value="${shopper!.id}" selected`)) {
        throw new Error(`${variant.name}: the page is not signed in`);
      }
    }

    const outDir = resultsDir();
    chrome = await launchChrome();
    const measured = new Map<string, PageMetrics[]>();
    const blockRequests = new Map<string, string[]>();
    const lastRequests = new Map<string, { url: string; transferSize: number }[]>();
    const lastShifts = new Map<string, { element: string; score: number }[]>();
    const key = (formFactor: string, variant: Variant) => `${formFactor}|${variant.name}`;
    for (let run = 0; run < runs; run += 1) {
      // Interleaved: every row gets one run before any row gets its next, so drift hits all rows alike.
      for (const [formFactor, config] of Object.entries(formFactors)) {
        for (const variant of variants) {
          const lhr = (await runLighthouse(
            chrome,
            variant.url,
            { extraHeaders: variant.headers },
            config,
            variant.name,
          )) as unknown as Lhr;
          const { metrics, blockRequests: requested, requests } = metricsOf(lhr);
          lastRequests.set(key(formFactor, variant), requests);
          lastShifts.set(key(formFactor, variant), layoutShiftsOf(lhr));
          measured.set(key(formFactor, variant), [...(measured.get(key(formFactor, variant)) ?? []), metrics]);
          blockRequests.set(key(formFactor, variant), requested);
          if (run === runs - 1) {
            const jpeg = screenshotJpeg(lhr.audits["final-screenshot"]?.details?.data);
            const file = `storefront-${formFactor}-${variant.name.replace(/[^a-z]+/g, "-")}.jpg`;
            if (jpeg) fs.writeFileSync(path.join(outDir, file), jpeg);
          }
        }
      }
      console.log(`  run ${run + 1}/${runs} of every row done (${elapsed()})`);
    }

    const rows = Object.keys(formFactors).flatMap((formFactor) =>
      variants.map((variant) => ({
        formFactor,
        variant,
        median: medianMetrics(measured.get(key(formFactor, variant)) ?? []),
        scores: (measured.get(key(formFactor, variant)) ?? []).map((run) => run.score),
      })),
    );
    console.log(
      `\nMedian of ${runs} interleaved Lighthouse runs per row (performance category), /pages/help, ${compress ? "gzip" : "uncompressed"}\n`,
    );
    console.table(
      rows.map((row) => ({
        config: row.formFactor,
        page: row.variant.name,
        score: row.median.score,
        "scores (runs)": row.scores.join(" "),
        LCP: ms(row.median.lcpMs),
        TBT: ms(row.median.tbtMs),
        CLS: row.median.cls.toFixed(3),
        FCP: ms(row.median.fcpMs),
        transfer: kb(row.median.transferBytes),
        "block bytes": kb(row.median.blockBytes),
      })),
    );

    const comparisons = Object.keys(formFactors).flatMap((formFactor) =>
      [false, true]
        .map((signedIn) => {
          const find = (block: boolean) =>
            rows.find(
              (row) =>
                row.formFactor === formFactor && row.variant.block === block && row.variant.signedIn === signedIn,
            );
          const without = find(false);
          const withBlock = find(true);
          if (!without || !withBlock) return null;
          const drop = without.median.score - withBlock.median.score;
          return {
            config: formFactor,
            shopper: signedIn ? "signed in" : "guest",
            "score drop": drop,
            [`≤ ${MAX_SCORE_DROP} point`]: drop <= MAX_SCORE_DROP ? "pass" : "FAIL",
            "Δ LCP": ms(withBlock.median.lcpMs - without.median.lcpMs),
            "Δ TBT": ms(withBlock.median.tbtMs - without.median.tbtMs),
            "Δ CLS": (withBlock.median.cls - without.median.cls).toFixed(3),
            "Δ transfer": kb(withBlock.median.transferBytes - without.median.transferBytes),
          };
        })
        .filter((row) => row !== null),
    );
    console.log(`\nWhat the block costs (with − without; goal: score drop ≤ ${MAX_SCORE_DROP} point)\n`);
    console.table(comparisons);
    for (const variant of variants.filter((item) => item.block)) {
      const requested = blockRequests.get(key("desktop", variant)) ?? [];
      console.log(`Block requests (${variant.name}): ${requested.length > 0 ? requested.join(", ") : "none"}`);
    }

    for (const row of rows.filter((item) => item.median.cls > 0.01)) {
      console.log(`Layout shifts, ${row.formFactor} / ${row.variant.name} (last run):`);
      for (const shift of lastShifts.get(key(row.formFactor, row.variant)) ?? []) {
        console.log(`  ${shift.score.toFixed(3)}  ${shift.element}`);
      }
    }

    const outFile = writeResults("storefront-lighthouse", {
      at: new Date().toISOString(),
      lighthouse: "13",
      runsPerRow: runs,
      compressed: compress,
      publishedArticles: published,
      maxScoreDrop: MAX_SCORE_DROP,
      rows: rows.map((row) => ({
        config: row.formFactor,
        page: row.variant.name,
        median: row.median,
        runs: measured.get(key(row.formFactor, row.variant)),
        lastRunRequests: lastRequests.get(key(row.formFactor, row.variant)),
        lastRunLayoutShifts: lastShifts.get(key(row.formFactor, row.variant)),
      })),
      comparisons,
    });
    console.log(`\nResults: ${outFile} (total ${elapsed()})`);
  } finally {
    chrome?.kill();
    await front?.close();
    await bench.stop();
  }
}

runAsScript(import.meta.url, main);
