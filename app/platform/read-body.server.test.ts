import { describe, expect, it } from "vitest";

import { readBodyUpTo } from "./read-body.server";

const KB = 1024;

/** A chunked upload of `chunks` × 1 KB, made only as fast as it is read; counts what was pulled from it. */
function chunkedRequest(chunks: number) {
  const pulled = { chunks: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.chunks === chunks) return controller.close();
        pulled.chunks++;
        controller.enqueue(new Uint8Array(KB).fill(97));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://app.test/upload", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readBodyUpTo", () => {
  it("reads a body within the limit whole", async () => {
    const { request } = chunkedRequest(8);
    const body = await readBodyUpTo(request, 8 * KB);
    expect(body.ok && body.bytes.byteLength).toBe(8 * KB);
  });

  it("cuts a chunked body off at the limit instead of buffering it", async () => {
    const { request, pulled } = chunkedRequest(10_000);
    expect(await readBodyUpTo(request, 8 * KB)).toEqual({ ok: false, tooLarge: true });
    expect(pulled.chunks).toBeLessThan(50);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://app.test/upload", {
      method: "POST",
      headers: { "content-length": String(100 * KB) },
      body: "a".repeat(100 * KB),
    });
    expect(await readBodyUpTo(request, 8 * KB)).toEqual({ ok: false, tooLarge: true });
    expect(request.bodyUsed).toBe(false);
  });
});
