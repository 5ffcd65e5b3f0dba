import type { ActionFunctionArgs } from "@remix-run/node";

import { customerRedactPayload, redactCustomerData } from "../features/compliance/handle-compliance-request.server";
import { receiveWebhook } from "../features/webhooks/receive-webhook.server";

export const action = async ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, customerRedactPayload, ({ db, shop, payload }) => redactCustomerData(shop, payload, db));
