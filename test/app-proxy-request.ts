import { signAppProxyParams } from "../emulator/signing";
import { TEST_APP_ENV } from "./app-env";

/**
 * A shopper's JSON POST to `/apps/resolve<path>` as Shopify's app proxy forwards it to the app (`/proxy<path>`):
 * signed with the test app's secret, a guest unless `customerId` is given, from `ip`.
 */
export function proxiedJsonPost(path: string, init: { shop: string; body: unknown; customerId?: number; ip: string }) {
  const params: Record<string, string> = {
    shop: init.shop,
    logged_in_customer_id: init.customerId === undefined ? "" : String(init.customerId),
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy${path}?${new URLSearchParams(params)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": init.ip },
    body: JSON.stringify(init.body),
  });
}
