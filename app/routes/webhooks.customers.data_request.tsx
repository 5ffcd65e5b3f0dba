import type { ActionFunctionArgs } from "@remix-run/node";

import { dataRequestPayload, exportCustomerData } from "../features/compliance/handle-compliance-request.server";
import { receiveWebhook } from "../features/webhooks/receive-webhook.server";

export const action = async ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, dataRequestPayload, ({ db, shop, payload }) => exportCustomerData(shop, payload, db));
