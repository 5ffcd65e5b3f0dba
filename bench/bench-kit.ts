/**
 * What the benchmarks share: a demo on a throwaway SQLite database, Chrome for Lighthouse (the browser tests'
 * flags), Lighthouse's performance-only configs, medians, the results folder, and running a bench as a script.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config, type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

import { startDemo, type Demo } from "../emulator/demo";
import { CHROMIUM_ARGS } from "../e2e/chromium";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Lighthouse's performance category only, with its mobile (default: Moto G Power, slow 4G, 4x CPU) and desktop configs. */
export const PERFORMANCE_CONFIGS: Record<"mobile" | "desktop", Config> = {
  mobile: { extends: "lighthouse:default", settings: { onlyCategories: ["performance"] } },
  desktop: { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: ["performance"] } },
};

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds as the Lighthouse tables print them. */
export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "n/a");

export interface BenchDemo {
  demo: Demo;
  databaseUrl: string;
  /** Stops the demo and deletes the throwaway database. */
  stop: () => Promise<void>;
}

/**
 * The demo (emulator + production build of the app, or the last build with BENCH_SKIP_BUILD=1) on free ports with
 * a throwaway SQLite database and a fresh shop.
 */
export async function startBenchDemo(): Promise<BenchDemo> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-bench-"));
  const databaseUrl = `file:${path.join(dir, "bench.sqlite")}`;
  console.log(`Starting the demo (build: ${process.env.BENCH_SKIP_BUILD === "1" ? "reused" : "fresh"}) …`);
  const demo = await startDemo({
    databaseUrl,
    stateFile: null,
    build: process.env.BENCH_SKIP_BUILD !== "1",
    appOutput: "ignore",
  });
  return {
    demo,
    databaseUrl,
    stop: async () => {
      await demo.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app's modules read their configuration at import time: point them at the demo's database before seeding. */
export function pointAppAtDemo({ demo, databaseUrl }: BenchDemo) {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: "bench",
    SHOPIFY_API_SECRET: "bench",
    SHOPIFY_APP_URL: demo.appUrl,
  });
}

/** Headless Chrome for Lighthouse: CHROME_PATH or Debian's Chromium, with the browser tests' flags. */
export function launchChrome(): Promise<chromeLauncher.LaunchedChrome> {
  return chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROMIUM_ARGS,
  });
}

/** One Lighthouse run on the running Chrome; throws when it returns nothing or reports a runtime error. */
export async function runLighthouse(
  chrome: chromeLauncher.LaunchedChrome,
  url: string,
  flags: Flags,
  config: Config,
  name: string,
) {
  const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", ...flags }, config);
  if (!result) throw new Error(`Lighthouse returned nothing for ${name}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${name}: ${lhr.runtimeError.message}`);
  return lhr;
}

/** The JPEG of a Lighthouse final-screenshot data URL, if there is one. */
export function screenshotJpeg(dataUrl: string | undefined): Buffer | undefined {
  const base64 = dataUrl?.match(/^data:image\/jpeg;base64,(.*)$/)?.[1];
  return base64 ? Buffer.from(base64, "base64") : undefined;
}

/** bench/results/ (git-ignored), created if missing. */
export function resultsDir(): string {
  const dir = path.join(root, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes `<name>-<timestamp>.json` in bench/results/ and returns its path relative to the repository. */
export function writeResults(name: string, data: unknown): string {
  const outFile = path.join(resultsDir(), `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(outFile, JSON.stringify(data, null, 2));
  return path.relative(root, outFile);
}

/**
 * Runs `main` when the module is the script node was started with. Slow numbers never fail a bench; only one that
 * could not run at all exits non-zero, saying why.
 */
export function runAsScript(moduleUrl: string, main: () => Promise<void>) {
  if (process.argv[1] && fileURLToPath(moduleUrl) === path.resolve(process.argv[1])) {
    main().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}

const TOPICS = ["Shipping", "Returns", "Payment", "Sizing", "Care", "Warranty", "Gift cards", "Orders"];

/**
 * `count` generated English FAQ articles (`bench-1` …, a topic each in turn), saved through the app's own model
 * (after `pointAppAtDemo`): `status` says which are published, `answer` writes a topic's answer.
 */
export async function saveGeneratedArticles(
  shop: string,
  count: number,
  { status, answer }: { status: (index: number) => "published" | "draft"; answer: (topic: string) => string },
) {
  const { saveArticle } = await import("../app/features/faq/Faq.server");
  for (let index = 0; index < count; index += 1) {
    const topic = TOPICS[index % TOPICS.length]!;
    const saved = await saveArticle(
      shop,
      null,
      {
        handle: `bench-${index + 1}`,
        status: status(index),
        categoryId: null,
        position: null,
        translations: {
          en: {
            question: `${topic}: how does question ${index + 1} work for my order?`,
            answerMarkdown: answer(topic),
            keywords: `${topic.toLowerCase()} order help`,
          },
        },
      },
      [{ locale: "en", primary: true }],
    );
    if (!saved.ok) throw new Error(`Seeding article ${index + 1} failed: ${JSON.stringify(saved.fieldErrors)}`);
  }
}
