import { InvalidShopError } from "@shopify/shopify-api";

import { authenticate } from "../../shopify.server";

const noStore = { "Cache-Control": "no-store" };

/** A JSON error the storefront block can translate by its key; never a stack trace. */
export function storefrontError(error: string, status: number, headers: HeadersInit = {}) {
  return Response.json({ error }, { status, headers: { ...noStore, "X-Content-Type-Options": "nosniff", ...headers } });
}

/** A storefront answer: personal, so never stored by Shopify's edge, the browser or anything in between. */
export function storefrontJson(body: unknown, status = 200, headers: HeadersInit = {}) {
  return Response.json(body, { status, headers: { ...noStore, "X-Content-Type-Options": "nosniff", ...headers } });
}

/**
 * Every storefront request comes through Shopify's app proxy: the library checks the signature and its
 * timestamp. Resolve also answers only shops that have it installed (a valid signature for a shop without
 * a session is not a shop Resolve serves). The shopper's identity is Shopify's signed
 * `logged_in_customer_id`, empty for guests; `path_prefix` (also signed) is where the merchant mounted the proxy.
 */
export async function authenticateStorefront(request: Request) {
  let context;
  try {
    context = await authenticate.public.appProxy(request);
  } catch (thrown) {
    if (thrown instanceof Response) throw storefrontError("invalid_request_signature", 401);
    // A signed `shop` that is not a shop domain (the library accepts *.myshopify.com and SHOP_CUSTOM_DOMAIN).
    if (thrown instanceof InvalidShopError) throw storefrontError("invalid_shop", 400);
    throw thrown;
  }
  if (!context.session) throw storefrontError("shop_not_installed", 403);
  const params = new URL(request.url).searchParams;
  const signedCustomer = params.get("logged_in_customer_id") ?? "";
  const customerId = /^\d{1,20}$/.test(signedCustomer) ? signedCustomer : null;
  const pathPrefix = params.get("path_prefix") || "/apps/resolve";
  return { shop: context.session.shop, customerId, pathPrefix, admin: context.admin, session: context.session };
}
