import type { PrismaClient } from "@prisma/client";
import { afterAll, vi } from "vitest";

import { startEmulator } from "../emulator/server";
import { TEST_APP_ENV } from "./app-env";
import { installShop } from "./install-shop";

/**
 * The local Shopify for tests that run the real Shopify library in-process: the emulator listening, and the
 * library's fetch routed to it (as `node --import emulator/shopify-fetch.mjs` does for the demo). Await it at
 * the top of a test file, before the app's Shopify modules are first imported: the library captures fetch when
 * it loads. The emulator stops, and fetch is restored, after the file's tests.
 */
export async function startEmulatorHarness() {
  const emulator = await startEmulator({
    appUrl: "http://127.0.0.1:9",
    apiKey: TEST_APP_ENV.SHOPIFY_API_KEY,
    apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
    scopes: TEST_APP_ENV.SCOPES,
  });
  const realFetch = globalThis.fetch;
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  await import("../emulator/shopify-fetch.mjs");

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await emulator.close();
  });

  return {
    emulator,
    /** Shopify's managed install of the emulator's shop: its offline token, stored as the library stores it. */
    installShop: (db: PrismaClient) =>
      installShop({ emulatorUrl: emulator.url, shop: emulator.shop, db, fetch: realFetch }),
  };
}

type AdminApi = Awaited<ReturnType<typeof startEmulator>>["adminApi"];

/**
 * The names of the operations the emulator's Admin API receives from now on, in order (what a test asserts was,
 * or was not, sent to Shopify). Empty it between tests with `operations.length = 0`.
 */
export function recordAdminOperations(adminApi: AdminApi): string[] {
  const operations: string[] = [];
  const handle = adminApi.handle.bind(adminApi);
  vi.spyOn(adminApi, "handle").mockImplementation(async (body) => {
    operations.push(/(?:query|mutation)\s+(\w+)/.exec(String(body.query))?.[1] ?? "anonymous");
    return handle(body);
  });
  return operations;
}
