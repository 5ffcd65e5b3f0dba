import { z } from "zod";

import type { Db } from "../../db-types.server";
import { handleWebhookOnce } from "./WebhookReceipt.server";
import { authenticate } from "../../shopify.server";

interface WebhookContext<Payload> {
  db: Db;
  shop: string;
  payload: Payload;
}

/**
 * The shared path of every webhook route: the library verifies the HMAC (401 when it does not match),
 * the payload is validated, and the effect runs once per delivery id.
 */
export async function receiveWebhook<Schema extends z.ZodType>(
  request: Request,
  payloadSchema: Schema,
  effect: (context: WebhookContext<z.infer<Schema>>) => Promise<unknown>,
): Promise<Response> {
  const { shop, topic, payload, webhookId } = await authenticate.webhook(request);
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
  return new Response(null, { status: 200 });
}
