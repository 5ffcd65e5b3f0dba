import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { LookupAnswer } from "../contracts/storefront-api";
import { storefrontError, storefrontJson } from "../platform/storefront/authenticate-storefront.server";
import { shopperSource } from "../platform/rate-limits.server";
import { guestLookupSchema, lookupGuestOrder } from "../features/orders/guest-order-lookup.server";
import { parseStorefrontForm } from "../platform/storefront/storefront-input.server";
import { storefrontRoute } from "../platform/storefront/storefront-route.server";

/**
 * POST /apps/resolve/lookup { orderNumber, email, returnTo? } — a guest's tracking. One answer (404
 * `order_not_found`) for every mismatch; 429 `rate_limited` with Retry-After when a limit is reached.
 */
export const action = ({ request, context }: ActionFunctionArgs) =>
  storefrontRoute(request, "lookup", async ({ admin, shop, customerId, pathPrefix }) => {
    if (request.method !== "POST") return storefrontError("method_not_allowed", 405, { Allow: "POST" });
    const form = await parseStorefrontForm(request, guestLookupSchema);
    if ("response" in form) return form.response;
    const result = await lookupGuestOrder(admin, {
      shop,
      ip: shopperSource(request, context),
      customerId,
      pathPrefix,
      referer: request.headers.get("referer"),
      input: form.data,
    });
    switch (result.outcome) {
      case "rate_limited":
        return storefrontError("rate_limited", 429, { "Retry-After": String(result.retryAfterSeconds) });
      case "not_found":
        return storefrontError("order_not_found", 404);
      case "found": {
        const { order, returnsRequireSignIn, signInUrl } = result;
        return storefrontJson({
          order,
          returnsRequireSignIn,
          ...(signInUrl ? { signInUrl } : {}),
        } satisfies LookupAnswer);
      }
    }
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  storefrontRoute(request, "lookup", async () => storefrontError("method_not_allowed", 405, { Allow: "POST" }));
