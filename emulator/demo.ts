/**
 * `npm run demo`: the whole product on this machine with no Shopify account — migrates the SQLite database,
 * builds the app, starts the local Shopify emulator and the app (the production server, remix-serve), and
 * prints where to click. Ctrl-C stops everything. The end-to-end tests start the same thing with
 * `startDemo()` on free ports and a throwaway database.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { migrate } from "../scripts/db.mjs";
import { MERCHANT_BROWSER } from "./merchant-browser";
import { freePort } from "./ports";
import { startEmulator, type Emulator } from "./server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Demo-only credentials: the emulator trusts them, Shopify never issues them. Not secrets. */
export const DEMO_API_KEY = "resolve-demo-api-key";
export const DEMO_API_SECRET = "resolve-demo-secret-for-the-local-emulator-only";

export interface DemoOptions {
  appPort?: number;
  emulatorPort?: number;
  databaseUrl?: string;
  /** Keeps the emulator's shop (returns, metafields) across restarts; null for a fresh shop each time. */
  stateFile?: string | null;
  /** Rebuild the app first (default true). */
  build?: boolean;
  /** Where the app's output goes (default: inherited). */
  appOutput?: "inherit" | "ignore";
}

export interface Demo {
  appUrl: string;
  adminUrl: string;
  storefrontUrl: string;
  emulator: Emulator;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The scopes shopify.app.toml asks for, so the emulator grants exactly those. */
export function appScopes(): string {
  const toml = fs.readFileSync(path.join(root, "shopify.app.toml"), "utf8");
  const match = toml.match(/\[access_scopes\][\s\S]*?scopes\s*=\s*"([^"]*)"/);
  if (!match) throw new Error("shopify.app.toml has no [access_scopes] scopes");
  return match[1]!;
}

async function waitForHealthy(url: string, app: ReturnType<typeof spawn>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The app exited with code ${app.exitCode} during start-up`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s`);
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const appPort = options.appPort ?? (await freePort());
  // localhost for both the app and the emulator keeps them one site, so the framed app may use its storage.
  const appUrl = `http://localhost:${appPort}`;
  const databaseUrl = options.databaseUrl ?? "file:./prisma/dev.sqlite";

  await migrate(databaseUrl);
  if (options.build !== false) {
    // `npm run build`: the production build, its stylesheet cut down (scripts/build.mjs).
    const built = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (built.status !== 0) throw new Error("The app build failed (npm run build shows why)");
  }

  const serverBuild = path.join(process.env.RESOLVE_BUILD_DIR ?? path.join(root, "build"), "index.js");
  // A build outside the project (RESOLVE_BUILD_DIR) still imports the project's packages.
  const buildModules = path.join(path.dirname(serverBuild), "node_modules");
  if (process.env.RESOLVE_BUILD_DIR && !fs.existsSync(buildModules)) {
    fs.symlinkSync(path.join(root, "node_modules"), buildModules, "dir");
  }
  const emulator = await startEmulator({
    port: options.emulatorPort,
    appUrl,
    apiKey: DEMO_API_KEY,
    apiSecret: DEMO_API_SECRET,
    scopes: appScopes(),
    stateFile: options.stateFile ?? undefined,
  });

  const app = spawn(
    process.execPath,
    [
      "--import",
      path.join(root, "emulator/shopify-fetch.mjs"),
      path.join(root, "node_modules/@remix-run/serve/dist/cli.js"),
      serverBuild,
    ],
    {
      cwd: root,
      stdio: ["ignore", options.appOutput ?? "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(appPort),
        HOST: "127.0.0.1",
        SHOPIFY_API_KEY: DEMO_API_KEY,
        SHOPIFY_API_SECRET: DEMO_API_SECRET,
        SHOPIFY_APP_URL: appUrl,
        SCOPES: appScopes(),
        DATABASE_URL: databaseUrl,
        APP_BRIDGE_URL: `${emulator.url}/app-bridge.js`,
        SHOPIFY_EMULATOR_URL: emulator.url,
      },
    },
  );

  const stop = async () => {
    if (app.exitCode === null) {
      const exited = new Promise((resolve) => app.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }
    await emulator.close();
  };

  try {
    await waitForHealthy(`${appUrl}/healthz`, app);
    // Shopify opens an app right after its managed install; that first visit exchanges the session token
    // for the shop's offline access token, which the storefront (app proxy) requests then use.
    // (The library turns away requests from bots, so this one says it is the merchant's browser.)
    const firstVisit = await fetch(await emulator.embeddedAppUrl(), { headers: { "user-agent": MERCHANT_BROWSER } });
    if (!firstVisit.ok) throw new Error(`Opening the app in the emulator's admin failed: HTTP ${firstVisit.status}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    appUrl,
    adminUrl: `${emulator.url}/admin`,
    storefrontUrl: `${emulator.url}/pages/help`,
    emulator,
    databaseUrl,
    stop,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  fs.mkdirSync(path.join(root, ".emulator"), { recursive: true });
  const demo = await startDemo({
    appPort: Number(process.env.PORT ?? 3000),
    emulatorPort: Number(process.env.EMULATOR_PORT ?? 4100),
    stateFile: path.join(root, ".emulator/state.json"),
  });
  // A fresh demo shop comes set up (policy, FAQ in English and French, published), so the storefront shows the
  // whole portal at once; DEMO_EMPTY=1 starts from a bare install instead, as a new merchant sees it.
  if (process.env.DEMO_EMPTY !== "1") {
    const { seedDemoHelpCentre } = await import("./demo-content");
    await seedDemoHelpCentre(demo, { apiKey: DEMO_API_KEY, apiSecret: DEMO_API_SECRET }).catch(
      async (error: unknown) => {
        await demo.stop();
        throw error;
      },
    );
  }
  console.log(`
  Resolve is running against the local Shopify emulator (started in ${((Date.now() - started) / 1000).toFixed(1)} s).

    Shopify admin with Resolve embedded:  ${demo.adminUrl}
    Storefront help page (the block):     ${demo.storefrontUrl}
    The app itself:                       ${demo.appUrl}

  Demo shop: ${demo.emulator.shop} · database: ${demo.databaseUrl} · Ctrl-C stops everything.
`);
  const shutdown = () => {
    void demo.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
