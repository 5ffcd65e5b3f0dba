import { signAppProxyParams } from "../emulator/signing";
import type { EmulatorState } from "../emulator/admin-api";
import { TEST_APP_ENV } from "./app-env";

/**
 * A shopper's request to `/apps/resolve<path>` as Shopify's app proxy forwards it to the app (`/proxy<path>`):
 * signed with the test app's secret, a guest unless `customerId` is given, a JSON POST when it has a `body`
 * (else a GET), from `ip` when given.
 */
export function proxiedRequest(
  path: string,
  init: { shop: string; body?: unknown; customerId?: number; ip?: string },
): Request {
  const params: Record<string, string> = {
    shop: init.shop,
    logged_in_customer_id: init.customerId === undefined ? "" : String(init.customerId),
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  const headers: Record<string, string> = init.ip ? { "x-forwarded-for": init.ip } : {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy${path}?${new URLSearchParams(params)}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** A shopper's JSON POST through the app proxy, from `ip`. */
export function proxiedJsonPost(path: string, init: { shop: string; body: unknown; customerId?: number; ip: string }) {
  return proxiedRequest(path, init);
}

/**
 * A customer's order in the emulator's state without returns or refunds whose first line is delivered in full,
 * with units to spare: Shopify would take a second filing of one unit, so a duplicate filing shows as a second return.
 */
export function deliveredOrderWithUnitsToSpare(state: EmulatorState): EmulatorState["orders"][number] {
  const order = state.orders.find((candidate) => {
    const first = candidate.lineItems[0];
    if (!first || candidate.customerId === null || candidate.cancelledAt || candidate.refunds.length > 0) return false;
    if (state.returns.some((ret) => ret.orderId === candidate.id) || first.quantity < 2) return false;
    const product = state.products.find((p) => p.id === first.productId);
    const delivered = candidate.fulfillments
      .filter((f) => f.status === "SUCCESS" && f.deliveredAt)
      .flatMap((f) => f.lineItems)
      .filter((item) => item.lineItemId === first.id)
      .reduce((sum, item) => sum + item.quantity, 0);
    return product && !product.isGiftCard && delivered === first.quantity;
  });
  if (!order) throw new Error("no order in the seed with a delivered line of several units");
  return order;
}
