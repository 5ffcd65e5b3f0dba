import { z } from "zod";

import type { Db } from "../../db-types.server";
import { handleWebhookOnce } from "./WebhookReceipt.server";
import { readBodyUpTo, withBody } from "../../platform/read-body.server";
import { authenticate } from "../../shopify.server";
import { offlineSessionCache } from "../../shopify/offline-session-cache.server";

/**
 * The topics Resolve subscribes to carry a shop, a customer and a list of order ids: a few KB. The limit is
 * checked before the HMAC, which needs the whole body, so that an unsigned flood costs no memory.
 */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

interface WebhookContext<Payload> {
  db: Db;
  shop: string;
  payload: Payload;
}

/**
 * The shared path of every webhook route: a body over the limit is refused (413) unread, the library verifies
 * the HMAC (401 when it does not match), the payload is validated, and the effect runs once per delivery id.
 */
export async function receiveWebhook<Schema extends z.ZodType>(
  request: Request,
  payloadSchema: Schema,
  effect: (context: WebhookContext<z.infer<Schema>>) => Promise<unknown>,
): Promise<Response> {
  const body = await readBodyUpTo(request, WEBHOOK_MAX_BYTES);
  if (!body.ok) {
    return Response.json(
      { error: `Webhook payload larger than ${WEBHOOK_MAX_BYTES / 1024 / 1024} MB` },
      { status: 413 },
    );
  }
  const { shop, topic, payload, webhookId } = await authenticate.webhook(withBody(request, body.bytes));
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    // Shopify retries a non-2xx delivery; a payload we cannot read will not get better, but saying so is
    // better than acting on half of it.
    return Response.json(
      { error: `Unexpected ${topic} payload`, issues: z.treeifyError(parsed.error) },
      { status: 400 },
    );
  }
  await handleWebhookOnce({ webhookId, shop, topic }, async (db) => {
    await effect({ db, shop, payload: parsed.data });
  });
  // Uninstall, scopes update and shop redact change the shop's sessions in the database, not through the
  // library's session storage; once that is committed, this process reads them again.
  offlineSessionCache.forgetShop(shop);
  return new Response(null, { status: 200 });
}
