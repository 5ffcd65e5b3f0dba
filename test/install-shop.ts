import type { PrismaClient } from "@prisma/client";

import { mintSessionToken } from "../emulator/session-token";
import { TEST_APP_ENV } from "./app-env";

/**
 * Shopify's managed install, as the app lives it: a session token exchanged at the emulator for the shop's
 * offline access token, stored as the library stores its session. Storefront (app proxy) requests then reach
 * the Admin API with it.
 */
export async function installShop(options: {
  emulatorUrl: string;
  shop: string;
  db: PrismaClient;
  fetch: typeof fetch;
}) {
  const { emulatorUrl, shop, db } = options;
  const response = await options.fetch(`${emulatorUrl}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_id: TEST_APP_ENV.SHOPIFY_API_KEY,
      client_secret: TEST_APP_ENV.SHOPIFY_API_SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: await mintSessionToken({
        shop,
        apiKey: TEST_APP_ENV.SHOPIFY_API_KEY,
        apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
      }),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  const { access_token: accessToken, scope } = (await response.json()) as { access_token: string; scope: string };
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken, scope },
    update: { accessToken, scope },
  });
}
