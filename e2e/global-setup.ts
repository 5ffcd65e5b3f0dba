import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startDemo } from "../emulator/demo";
import { findChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    demo: {
      appUrl: string;
      adminUrl: string;
      storefrontUrl: string;
      emulatorUrl: string;
      shop: string;
      appPid: number;
      /** Everything the app server has printed so far (stdout and stderr), appended as it prints. */
      appLogFile: string;
    };
  }
}

/** Starts `npm run demo` as a user would get it, on free ports, with a throwaway database and a fresh shop. */
export default async function setup(project: TestProject) {
  findChromium(); // fail first, with install instructions, when there is no browser
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-e2e-"));
  const appLogFile = path.join(dir, "app.log");
  const demo = await startDemo({
    databaseUrl: `file:${path.join(dir, "e2e.sqlite")}`,
    stateFile: null,
    build: process.env.E2E_SKIP_BUILD !== "1",
    appOutput: "ignore",
    appLogFile,
    // The Shopify library's most verbose output: what e2e/logs.test.ts checks holds no credentials.
    appEnv: { SHOPIFY_LOG_LEVEL: "debug" },
  });
  project.provide("demo", {
    appUrl: demo.appUrl,
    adminUrl: demo.adminUrl,
    storefrontUrl: demo.storefrontUrl,
    emulatorUrl: demo.emulator.url,
    shop: demo.emulator.shop,
    appPid: demo.appPid,
    appLogFile,
  });
  return async () => {
    await demo.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
