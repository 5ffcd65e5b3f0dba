// Bundles the block's script (storefront/*.ts) into the theme app extension's one asset,
// extensions/self-service/assets/portal.js: one IIFE, no framework, loaded deferred by both blocks.
// esbuild bundles and strips the types; terser then minifies harder than esbuild can (about 5 % fewer gzip
// bytes), which the 6 KB gzip budget needs. `--check` fails when the committed asset is not what the sources
// build, or when it is over its gzip budget (run by `npm test`).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";
import { minify } from "terser";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.join(root, "extensions/self-service/assets/portal.js");
/** The whole block script, gzip -9 (issue #5; Shopify's own suggestion is 10 KB compressed). */
const GZIP_BUDGET = 6144;

const bundled = await build({
  entryPoints: [path.join(root, "storefront/portal.ts")],
  bundle: true,
  format: "iife",
  // Browsers Shopify's storefronts support (two latest versions of the major ones).
  target: ["chrome120", "firefox121", "safari17", "edge120"],
  legalComments: "none",
  write: false,
});
const minified = await minify(bundled.outputFiles[0].text, {
  ecma: 2020,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  mangle: { toplevel: true },
  format: { comments: false },
});
const code = `${minified.code}\n`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(output, "utf8");
  } catch {
    // missing: reported below
  }
  if (committed !== code) {
    console.error("extensions/self-service/assets/portal.js is not built from storefront/: run `npm run build:block`.");
    process.exit(1);
  }
} else {
  writeFileSync(output, code);
}
const gzipBytes = gzipSync(code, { level: 9 }).length;
console.log(`portal.js: ${Buffer.byteLength(code)} bytes, ${gzipBytes} bytes gzip (budget ${GZIP_BUDGET})`);
if (gzipBytes > GZIP_BUDGET) {
  console.error(`portal.js is over its budget of ${GZIP_BUDGET} bytes gzip (ADR 0004): make it smaller.`);
  process.exit(1);
}
