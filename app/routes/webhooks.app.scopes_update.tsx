import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { recordScopes } from "../features/setup/Shop.server";
import { receiveWebhook } from "../features/webhooks/receive-webhook.server";

const payload = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, payload, async ({ db, shop, payload }) => {
    const scope = payload.current.join(",");
    await db.session.updateMany({ where: { shop }, data: { scope } });
    await recordScopes(shop, scope, db);
  });
