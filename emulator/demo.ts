/**
 * `npm run demo`: the whole product on this machine with no Shopify account — migrates the SQLite database,
 * builds the app, starts the local Shopify emulator and the app (the production server, server.mjs), and
 * prints where to click. Ctrl-C stops everything. The end-to-end tests start the same thing with
 * `startDemo()` on free ports and a throwaway database.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { z } from "zod";

import { migrate } from "../scripts/db.mjs";
import { exitUnlessSupportedNode } from "../scripts/node-version.mjs";
import { MERCHANT_BROWSER } from "./merchant-browser";
import { freePort, isPortTaken, nextFreePort } from "./ports";
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
  /** Also appends everything the app prints, stdout and stderr, to this file: what an operator's logs would hold. */
  appLogFile?: string;
  /** More environment for the app (e.g. SHOPIFY_LOG_LEVEL); the demo's own settings win. */
  appEnv?: Record<string, string>;
}

export interface Demo {
  appUrl: string;
  adminUrl: string;
  storefrontUrl: string;
  emulator: Emulator;
  databaseUrl: string;
  /** The app server's process (tests read its memory). */
  appPid: number;
  stop(): Promise<void>;
}

/** The scopes shopify.app.toml asks for, so the emulator grants exactly those. */
export function appScopes(): string {
  const toml = fs.readFileSync(path.join(root, "shopify.app.toml"), "utf8");
  const match = toml.match(/\[access_scopes\][\s\S]*?scopes\s*=\s*"([^"]*)"/);
  if (!match) throw new Error("shopify.app.toml has no [access_scopes] scopes");
  return match[1]!;
}

/** Why the demo could not start, in one line the person who started it can act on (no stack trace needed). */
export class DemoStartError extends Error {
  override name = "DemoStartError";
}

/** The two servers the demo starts on fixed ports, and the variable that moves each. */
const SERVERS = {
  app: { label: "the app", variable: "PORT" },
  emulator: { label: "the local Shopify emulator", variable: "EMULATOR_PORT" },
} as const;

async function portTakenError(server: keyof typeof SERVERS, port: number) {
  const { label, variable } = SERVERS[server];
  const suggestion = (await nextFreePort(port)) ?? port + 1;
  return new DemoStartError(
    `Port ${port} is already in use (by another program, or a demo still running), so ${label} cannot start there: stop it, or choose another port with ${variable}=${suggestion} npm run demo`,
  );
}

async function assertPortFree(server: keyof typeof SERVERS, port: number | undefined) {
  if (port !== undefined && (await isPortTaken(port))) throw await portTakenError(server, port);
}

/**
 * Waits until `/healthz` answers as *this* app: it echoes the instance id the demo gave it, so a server already on
 * the port (another app, an earlier demo) is never taken for it, and nothing is seeded or opened through it.
 */
export async function waitForApp(
  appUrl: string,
  instanceId: string,
  appExitCode: () => number | null,
  timeoutMs = 30_000,
): Promise<void> {
  const url = new URL("/healthz", appUrl);
  const deadline = Date.now() + timeoutMs;
  let lastAnswer = "no answer";
  while (Date.now() < deadline) {
    const exitCode = appExitCode();
    if (exitCode !== null) throw new Error(`The app exited with code ${exitCode} during start-up`);
    let response: Response | null = null;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    } catch {
      // not listening yet
    }
    if (response) {
      const body = (await response.json().catch(() => null)) as { instance?: unknown } | null;
      if (body?.instance !== instanceId) throw await portTakenError("app", Number(new URL(appUrl).port));
      if (response.ok) return;
      lastAnswer = `HTTP ${response.status}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s (${lastAnswer})`);
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  // Before anything slow, and before anything could reach a program that is not ours.
  await assertPortFree("app", options.appPort);
  await assertPortFree("emulator", options.emulatorPort);
  const appPort = options.appPort ?? (await freePort());
  // localhost for both the app and the emulator keeps them one site, so the framed app may use its storage.
  const appUrl = `http://localhost:${appPort}`;
  const databaseUrl = options.databaseUrl ?? "file:./prisma/dev.sqlite";
  const instanceId = randomUUID();

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
  }).catch(async (error: NodeJS.ErrnoException) => {
    // Taken since the check above.
    if (error.code === "EADDRINUSE" && options.emulatorPort)
      throw await portTakenError("emulator", options.emulatorPort);
    throw error;
  });

  const app = spawn(
    process.execPath,
    ["--import", path.join(root, "emulator/shopify-fetch.mjs"), path.join(root, "server.mjs"), serverBuild],
    {
      cwd: root,
      stdio: options.appLogFile ? ["ignore", "pipe", "pipe"] : ["ignore", options.appOutput ?? "inherit", "inherit"],
      env: {
        ...process.env,
        ...options.appEnv,
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
        INSTANCE_ID: instanceId,
      },
    },
  );

  if (options.appLogFile) {
    const log = fs.createWriteStream(options.appLogFile, { flags: "a" });
    app.stdout!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      if (options.appOutput !== "ignore") process.stdout.write(chunk);
    });
    app.stderr!.on("data", (chunk: Buffer) => {
      log.write(chunk);
      process.stderr.write(chunk);
    });
  }

  const stop = async () => {
    if (app.exitCode === null) {
      const exited = new Promise((resolve) => app.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }
    await emulator.close();
  };

  try {
    await waitForApp(appUrl, instanceId, () => app.exitCode);
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
    appPid: app.pid!,
    stop,
  };
}

/** PORT and EMULATOR_PORT as typed: a port number, or unset for the default. */
function portFromEnv(variable: "PORT" | "EMULATOR_PORT", fallback: number): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(1)
    .max(65_535)
    .default(fallback)
    .safeParse(process.env[variable] || undefined);
  if (!parsed.success) {
    throw new DemoStartError(`${variable} must be a port number from 1 to 65535, not "${process.env[variable]}"`);
  }
  return parsed.data;
}

/** `npm run demo`: start, set the shop up as a merchant would have, print where to click. */
async function main() {
  const started = Date.now();
  const appPort = portFromEnv("PORT", 3000);
  const emulatorPort = portFromEnv("EMULATOR_PORT", 4100);
  fs.mkdirSync(path.join(root, ".emulator"), { recursive: true });
  const demo = await startDemo({ appPort, emulatorPort, stateFile: path.join(root, ".emulator/state.json") });
  // A demo shop comes set up (policy, FAQ in English and French, published), so the storefront shows the whole
  // portal at once; DEMO_EMPTY=1 starts from a bare install instead, as a new merchant sees it.
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

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  exitUnlessSupportedNode();
  await main().catch((error: unknown) => {
    console.error(error instanceof DemoStartError ? `npm run demo: ${error.message}` : error);
    process.exit(1);
  });
}
