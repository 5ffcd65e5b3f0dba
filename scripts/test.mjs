#!/usr/bin/env node
// `npm test`: every check the project has, in the order that fails fastest, then one summary line.
//   typecheck, lint, format, migration drift, unit + integration tests, database tests on SQLite and on a
//   real PostgreSQL server, theme check of the extension, and browser tests against the running demo.
// Every step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { exitUnlessSupportedNode } from "./node-version.mjs";

exitUnlessSupportedNode();

const bin = (name) => path.join("node_modules", ".bin", name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-test-"));
const results = [];
let passed = 0;
let failed = 0;

function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function vitest(name, project, env = {}) {
  const report = path.join(reportDir, `${name.replace(/\W+/g, "-")}.json`);
  const ok = step(
    name,
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  if (fs.existsSync(report)) {
    const counts = JSON.parse(fs.readFileSync(report, "utf8"));
    passed += counts.numPassedTests;
    failed += counts.numFailedTests;
    if (counts.numTotalTests === 0) {
      results.at(-1).ok = false;
      console.error(`${name}: no test ran`);
    }
  } else if (!ok) {
    failed += 1;
  }
}

step("GraphQL types (codegen)", bin("graphql-codegen"), ["--silent"]);
step("typecheck", bin("tsc"), ["--noEmit"]);
step("lint", bin("eslint"), ["--max-warnings", "0", "."]);
step("format", bin("prettier"), ["--check", "--log-level", "warn", "."]);
step("migrations match the models", process.execPath, ["scripts/db.mjs", "check-drift"]);
step("block script built from storefront/", process.execPath, ["scripts/build-block-script.mjs", "--check"]);
vitest("unit and integration tests", "unit");
vitest("database tests on SQLite", "db", { TEST_DATABASE: "sqlite" });
vitest("database tests on PostgreSQL", "db", { TEST_DATABASE: "postgres" });
step("theme check", bin("shopify"), ["theme", "check", "--path", "extensions/self-service", "--fail-level", "error"], {
  SHOPIFY_CLI_NO_ANALYTICS: "1",
});
if (step("build", process.execPath, ["scripts/build.mjs"]))
  vitest("browser tests (Chromium)", "e2e", { E2E_SKIP_BUILD: "1" });
else results.push({ name: "browser tests (Chromium)", ok: false, seconds: 0 });

fs.rmSync(reportDir, { recursive: true, force: true });
console.log("\nSummary");
for (const result of results)
  console.log(`  ${result.ok ? "ok  " : "FAIL"}  ${result.name} (${result.seconds.toFixed(1)} s)`);
const failedSteps = results.filter((result) => !result.ok).length;
console.log(`\n${passed} passed, ${failed + failedSteps} failed`);
process.exit(failed + failedSteps > 0 ? 1 : 0);
