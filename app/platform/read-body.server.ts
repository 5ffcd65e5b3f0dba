/** A request body read up to a route's limit: its bytes, or `tooLarge` when it is longer. */
export type BoundedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; tooLarge: true };

/**
 * How long the rest of a refused body is read and dropped. Closing a connection the client is still writing to
 * makes its kernel reset it, and the answer (413) is lost with it; a client that has read the answer stops
 * sending, one that goes on is cut off after this.
 */
const DISCARD_FOR_MS = 10_000;

/**
 * Reads at most `maxBytes` of a request body, streaming, whether or not it declares a Content-Length: a
 * declared length over the limit is refused before anything is read, and a chunked body is cut off at the limit
 * instead of being buffered whole. Memory stays at the limit whatever the client sends.
 */
export async function readBodyUpTo(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void discardRest(reader);
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The same body as a request the Shopify library (or `formData()`) can read again. */
export function withBody(request: Request, bytes: Uint8Array<ArrayBuffer>): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body: bytes });
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const deadline = setTimeout(() => void reader.cancel().catch(() => {}), DISCARD_FOR_MS);
  try {
    while (!(await reader.read()).done) {
      // dropped
    }
  } catch {
    // the client went away
  } finally {
    clearTimeout(deadline);
  }
}
