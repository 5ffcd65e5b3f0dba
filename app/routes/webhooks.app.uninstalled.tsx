import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { recordUninstall } from "../features/setup/Shop.server";
import { receiveWebhook } from "../features/webhooks/receive-webhook.server";

export const action = async ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, z.unknown(), ({ db, shop }) => recordUninstall(shop, db));
