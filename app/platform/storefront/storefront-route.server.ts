import { authenticateStorefront, storefrontError } from "./authenticate-storefront.server";
import { ShopifyUnavailableError } from "../../shopify/call-shopify.server";

export type StorefrontShopper = Awaited<ReturnType<typeof authenticateStorefront>>;

/** Seconds the block waits before trying again when Shopify is not answering (its cost bucket refills in ~2 s). */
export const SHOPIFY_RETRY_AFTER_SECONDS = 5;

/**
 * The frame of every storefront API route: the app-proxy request is authenticated (401/403 JSON otherwise),
 * the handler runs, and whatever goes wrong becomes a JSON error the block can translate — 503
 * `shopify_unavailable` with Retry-After when Shopify stays throttled or down after `callShopify`'s retries,
 * 500 `server_error` for anything else. Logs name the shop and the failure, never the shopper or their input.
 */
export async function storefrontRoute(
  request: Request,
  area: string,
  handler: (shopper: StorefrontShopper) => Promise<Response>,
): Promise<Response> {
  let shopper: StorefrontShopper;
  try {
    shopper = await authenticateStorefront(request);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    console.error(`[storefront:${area}] authentication failed: ${describe(thrown)}`);
    return storefrontError("server_error", 500);
  }
  try {
    return await handler(shopper);
  } catch (thrown) {
    if (thrown instanceof ShopifyUnavailableError) {
      console.warn(`[storefront:${area}] ${shopper.shop}: Shopify unavailable (${describe(thrown.cause)})`);
      return storefrontError("shopify_unavailable", 503, { "Retry-After": String(SHOPIFY_RETRY_AFTER_SECONDS) });
    }
    console.error(`[storefront:${area}] ${shopper.shop}: ${describe(thrown)}`);
    return storefrontError("server_error", 500);
  }
}

/** The kind of failure, without messages that could carry a shopper's input or a response body. */
function describe(error: unknown): string {
  if (error instanceof Response) return `response ${error.status}`;
  if (!(error instanceof Error)) return typeof error;
  const kind = error.constructor.name === "Error" ? error.name : error.constructor.name;
  const status = (error as { response?: { code?: unknown } }).response?.code;
  const code = (error as { code?: unknown }).code;
  return [kind, typeof status === "number" ? status : null, typeof code === "string" ? code : null]
    .filter((part) => part !== null)
    .join(" ");
}
