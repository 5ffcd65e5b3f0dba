import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { OrdersAnswer } from "../contracts/storefront-api";
import { storefrontError, storefrontJson } from "../platform/storefront/authenticate-storefront.server";
import { listCustomerOrders } from "../features/orders/storefront-orders.server";
import { signInUrl } from "../platform/storefront/storefront-sign-in.server";
import { storefrontRoute } from "../platform/storefront/storefront-route.server";

const returnTo = (request: Request) => new URL(request.url).searchParams.get("returnTo");

/** GET /apps/resolve/orders[?returnTo=<portal page>]: the signed-in shopper's recent orders, for them to pick one. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  storefrontRoute(request, "orders", async ({ admin, customerId, pathPrefix }) => {
    if (!customerId)
      return storefrontJson(
        {
          error: "sign_in_required",
          signInUrl: signInUrl(pathPrefix, returnTo(request), request.headers.get("referer")),
        },
        401,
      );
    return storefrontJson((await listCustomerOrders(admin, customerId)) satisfies OrdersAnswer);
  });

export const action = ({ request }: ActionFunctionArgs) =>
  storefrontRoute(request, "orders", async () => storefrontError("method_not_allowed", 405, { Allow: "GET" }));
