import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { extensionRoot } from "./index.js";

const run = promisify(execFile);
const shopifyCli = path.resolve(import.meta.dirname, "../../node_modules/@shopify/cli/bin/run.js");

interface ThemeCheckFile {
  path: string;
  offenses: { check: string; severity: number; message: string }[];
}

/** Runs `shopify theme check` (offline) the way CI does; the CLI needs Node >= 22, like this process. */
async function themeCheck(root: string): Promise<{ exitCode: number; files: ThemeCheckFile[] }> {
  try {
    const { stdout } = await run(
      process.execPath,
      [shopifyCli, "theme", "check", "--path", root, "--fail-level", "error", "--output", "json", "--no-color"],
      { timeout: 60_000, env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" } },
    );
    return { exitCode: 0, files: JSON.parse(stdout) as ThemeCheckFile[] };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number" || !failed.stdout) throw error;
    return { exitCode: failed.code, files: JSON.parse(failed.stdout) as ThemeCheckFile[] };
  }
}

describe("shopify theme check", () => {
  it("passes on extensions/self-service with no offenses at all", { timeout: 90_000 }, async () => {
    const { exitCode, files } = await themeCheck(extensionRoot);
    expect(files.flatMap((f) => f.offenses.map((o) => `${f.path}: ${o.check}: ${o.message}`))).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it("really checks: a forbidden tag in a copy of the extension fails it", { timeout: 90_000 }, async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "resolve-theme-check-"));
    try {
      cpSync(extensionRoot, copy, { recursive: true });
      writeFileSync(path.join(copy, "snippets", "broken.liquid"), "{% include 'resolve-faq' %}\n");
      const { exitCode, files } = await themeCheck(copy);
      expect(exitCode).not.toBe(0);
      expect(files.flatMap((f) => f.offenses.map((o) => o.check))).toContain("AppBlockValidTags");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
