import { defineConfig } from "vitest/config";
import path from "node:path";

import ByName from "./e2e/sequencer";

// Three projects: fast unit/integration tests, database tests (run once per provider by scripts/test.mjs),
// and browser tests against the running demo.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    // Files in name order (the browser tests share one demo shop: see e2e/sequencer.ts).
    sequence: { sequencer: ByName },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "app/**/*.test.{ts,tsx}",
            "emulator/**/*.test.ts",
            "extensions/**/*.test.ts",
            "scripts/**/*.test.ts",
            "storefront/**/*.test.ts",
            "test/**/*.test.ts",
          ],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["app/**/*.db.test.ts", "test/**/*.db.test.ts"],
          globalSetup: ["test/database.global-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
