import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { seedDemoHelpCentre } from "../emulator/demo-content";
import { freePort } from "../emulator/ports";
import { startEmulator, type Emulator } from "../emulator/server";
import { TEST_APP_ENV } from "./app-env";

/**
 * `npm run demo` keeps its shop in two places, the database and the emulator's state file, and either may be
 * missing, stale or half-written when it starts: each start must still end with the help centre published in
 * the emulator's shop. The seeding is the demo's own; the FAQ page's action runs in this process behind a small
 * HTTP server standing for server.mjs, with the real Shopify library calling the emulator.
 */

const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "resolve-demo-state-")), "state.json");
const emulatorPort = await freePort();
// The library's fetch is routed to one emulator URL for the whole file, so every restart uses the same port.
process.env.SHOPIFY_EMULATOR_URL = `http://localhost:${emulatorPort}`;
await import("../emulator/shopify-fetch.mjs");

const { default: prisma } = await import("../app/db.server");
const { redactShopData } = await import("../app/features/compliance/handle-compliance-request.server");
const { addStarterArticles, STARTER_ARTICLES } = await import("../app/features/faq/faq-starter-articles.server");
const { saveReturnPolicy } = await import("../app/features/policy/ReturnPolicy.server");
const faqPage = await import("../app/routes/app.faq._index/route");

const app = http.createServer((incoming, outgoing) => {
  void (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new Request(new URL(incoming.url ?? "/", appUrl), {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: incoming.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    try {
      const data = await faqPage.action({ request, params: {}, context: {} });
      outgoing.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(data));
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      outgoing.writeHead(thrown.status).end(await thrown.text());
    }
  })();
});
await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
const appUrl = `http://localhost:${(app.address() as { port: number }).port}`;

let emulator: Emulator | null = null;

/** The emulator as `npm run demo` starts it: its shop loaded from the state file, or a fresh one. */
async function startShop() {
  await stopShop();
  emulator = await startEmulator({
    port: emulatorPort,
    appUrl,
    apiKey: TEST_APP_ENV.SHOPIFY_API_KEY,
    apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
    scopes: TEST_APP_ENV.SCOPES,
    stateFile,
  });
  return emulator;
}

async function stopShop() {
  if (!emulator) return;
  await emulator.close();
  emulator = null;
  // This process's fetch keeps connections to the emulator open; let it see them closed before the next start
  // listens on the same port, or it sends its next request down a dead one.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

function seed(shop: Emulator) {
  return seedDemoHelpCentre(
    { appUrl, emulator: shop, databaseUrl: process.env.DATABASE_URL! },
    { apiKey: TEST_APP_ENV.SHOPIFY_API_KEY, apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET },
  );
}

/** Everything the database holds for the demo shop goes, as when prisma/dev.sqlite is deleted. */
async function deleteDatabase(shop: string) {
  await redactShopData(shop, prisma);
  await prisma.session.deleteMany({ where: { shop } });
  await prisma.shop.deleteMany({ where: { domain: shop } });
  await prisma.publishState.deleteMany({ where: { shop } });
}

/** The questions the storefront's help page shows, in one language, read from the page the emulator renders. */
async function helpPageQuestions(shop: Emulator, locale: "en" | "fr") {
  const response = await fetch(`${shop.url}${locale === "en" ? "" : `/${locale}`}/pages/help`);
  const html = await response.text();
  return { html, questions: [...html.matchAll(/<summary[^>]*>([\s\S]*?)<\/summary>/g)].map((m) => text(m[1]!)) };
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

async function expectPublished(shop: Emulator) {
  const english = await helpPageQuestions(shop, "en");
  const french = await helpPageQuestions(shop, "fr");
  for (const starter of STARTER_ARTICLES) {
    expect(english.questions).toContain(starter.text.en.question);
    expect(french.questions).toContain(starter.text.fr.question);
  }
  expect(english.html).not.toContain("[Review");
  expect(french.html).not.toContain("[Review");
  // Each starter article once, with its facts filled in.
  expect(await prisma.faqArticle.count({ where: { shop: shop.shop, status: "published" } })).toBe(
    STARTER_ARTICLES.length,
  );
  expect(english.html).toContain("Return shipping is <strong>free</strong>");
}

beforeEach(async () => {
  await stopShop();
  fs.rmSync(stateFile, { force: true });
  await deleteDatabase("resolve-demo.myshopify.com");
});

afterAll(async () => {
  await stopShop();
  await deleteDatabase("resolve-demo.myshopify.com");
  await new Promise((resolve) => app.close(resolve));
  fs.rmSync(path.dirname(stateFile), { recursive: true, force: true });
});

describe("the demo's help centre, from whatever state a previous start left", () => {
  it("is set up and published on a fresh start, and kept as it is on the next", async () => {
    expect(await seed(await startShop())).toBe("seeded");
    await expectPublished(emulator!);

    expect(await seed(await startShop())).toBe("kept");
    await expectPublished(emulator!);
  });

  it("is published on the start after one whose publishing failed", async () => {
    const shop = await startShop();
    shop.adminApi.injectFault({ kind: "server-error", operationName: "StorefrontSnapshotSet", times: Infinity });
    await expect(seed(shop)).rejects.toThrow(/Publishing through the app failed/);
    expect(shop.adminApi.appDataMetafields()).toEqual({});

    await seed(await startShop());
    await expectPublished(emulator!);
  });

  it("is finished on the start after one killed half-way through", async () => {
    const shop = await startShop();
    // Killed right after "Add starter articles": nine drafts, still holding their [Review: …] placeholders.
    await addStarterArticles(shop.shop, [
      { locale: "en", primary: true },
      { locale: "fr", primary: false },
    ]);

    expect(await seed(await startShop())).toBe("seeded");
    await expectPublished(emulator!);
  });

  it("gets its FAQ when only the return policy was saved (an earlier version's start, killed after it)", async () => {
    const shop = await startShop();
    expect((await saveReturnPolicy(shop.shop, { policyText: { en: "Returns within 30 days." } })).ok).toBe(true);

    expect(await seed(await startShop())).toBe("seeded");
    await expectPublished(emulator!);
  });

  it("is set up again when the database was deleted and the emulator's shop kept", async () => {
    await seed(await startShop());
    await deleteDatabase(emulator!.shop);

    expect(await seed(await startShop())).toBe("seeded");
    await expectPublished(emulator!);
  });

  it("is published again when the emulator's shop was deleted and the database kept", async () => {
    await seed(await startShop());
    await stopShop();
    fs.rmSync(stateFile);

    expect(await seed(await startShop())).toBe("kept");
    await expectPublished(emulator!);
  });
});
