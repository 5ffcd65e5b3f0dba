import { PassThrough } from "node:stream";

import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { env } from "./env.server";
import { startMerchantEmailWorker } from "./features/contact/merchant-email-outbox.server";
import { serverErrorLine } from "./platform/server-error-log.server";
import { addDocumentResponseHeaders } from "./shopify.server";

declare global {
  var resolveStopEmailWorker: (() => void) | undefined;
}
// One outbox worker per app process, started with the server: it sends what a previous process stored and never
// sent, and retries failed sends. Kept across dev reloads so there is never a second one.
globalThis.resolveStopEmailWorker ??= startMerchantEmailWorker({ smtpUrl: () => env.SMTP_URL });

export const streamTimeout = 5000;

/** Remix's own log of an error in a loader, action or render: as it would print it, without the data it carries. */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (!request.signal.aborted) console.error(serverErrorLine(error));
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const readyEvent = userAgent && isbot(userAgent) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [readyEvent]() {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(serverErrorLine(error));
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
