import type { ActionFunctionArgs } from "@remix-run/node";

import { redactShopData, shopRedactPayload } from "../services/compliance/handle-compliance-request.server";
import { receiveWebhook } from "../services/receive-webhook.server";

export const action = async ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, shopRedactPayload, ({ db, shop }) => redactShopData(db, shop));
