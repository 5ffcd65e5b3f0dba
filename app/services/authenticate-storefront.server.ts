import { authenticate } from "../shopify.server";

const noStore = { "Cache-Control": "no-store" };

/** A JSON error the storefront block can translate by its key; never a stack trace. */
export function storefrontError(error: string, status: number, headers: HeadersInit = {}) {
  return Response.json({ error }, { status, headers: { ...noStore, ...headers } });
}

/**
 * Every storefront request comes through Shopify's app proxy: the library checks the signature and its
 * timestamp. Resolve also answers only shops that have it installed (a valid signature for a shop without
 * a session is not a shop Resolve serves). The shopper's identity is Shopify's signed
 * `logged_in_customer_id`, empty for guests.
 */
export async function authenticateStorefront(request: Request) {
  let context;
  try {
    context = await authenticate.public.appProxy(request);
  } catch (thrown) {
    if (thrown instanceof Response) throw storefrontError("invalid_request_signature", 401);
    throw thrown;
  }
  if (!context.session) throw storefrontError("shop_not_installed", 403);
  const customerId = new URL(request.url).searchParams.get("logged_in_customer_id") || null;
  return { shop: context.session.shop, customerId, admin: context.admin, session: context.session };
}
