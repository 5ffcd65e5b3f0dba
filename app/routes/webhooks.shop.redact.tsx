import type { ActionFunctionArgs } from "@remix-run/node";

import { redactShopData, shopRedactPayload } from "../features/compliance/handle-compliance-request.server";
import { receiveWebhook } from "../features/webhooks/receive-webhook.server";

export const action = async ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, shopRedactPayload, ({ db, shop }) => redactShopData(shop, db));
