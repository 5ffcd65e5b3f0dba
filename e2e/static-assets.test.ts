import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";

import { describe, expect, inject, it } from "vitest";

/**
 * The admin's scripts and stylesheet as the production server sends them: brotli at its best quality to a browser
 * that takes it (every current one), gzip to one that only takes gzip, the same bytes either way, cached for a year (the
 * names are fingerprinted).
 */

const demo = inject("demo");

function get(url: string, acceptEncoding: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

/** Every script and stylesheet of the build the demo serves (remix.config.js: RESOLVE_BUILD_DIR or public/build). */
function assetUrls(): string[] {
  const dir = process.env.RESOLVE_BUILD_DIR
    ? path.join(process.env.RESOLVE_BUILD_DIR, "public/build")
    : path.resolve("public/build");
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => `${demo.appUrl}/build/${file.split(path.sep).join("/")}`);
  expect(files.length).toBeGreaterThan(3);
  return files;
}

describe("the admin's built assets", () => {
  it("are sent brotli-compressed to browsers that take it, gzip to others, the same file either way", async () => {
    const urls = assetUrls();
    for (const url of urls) {
      const plain = await get(url, "identity");
      expect(plain.status, url).toBe(200);
      expect(plain.headers["cache-control"], url).toContain("immutable");

      const brotli = await get(url, "gzip, deflate, br, zstd");
      expect(brotli.headers["content-encoding"], url).toBe("br");
      expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body), url).toBe(true);
      // Brotli's best quality, done once at build time (on-the-fly compression uses a fast, weaker level).
      const best = zlib.brotliCompressSync(plain.body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
      });
      expect(brotli.body.length, url).toBeLessThanOrEqual(best.length);

      const gzip = await get(url, "gzip, deflate");
      if (plain.body.length > 1024) expect(gzip.headers["content-encoding"], url).toBe("gzip");
      const unzipped = gzip.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(gzip.body) : gzip.body;
      expect(unzipped.equals(plain.body), url).toBe(true);
    }
  });
});
