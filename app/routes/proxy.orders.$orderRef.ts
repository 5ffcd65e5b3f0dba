import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { OrderAnswer } from "../contracts/storefront-api";
import { storefrontError, storefrontJson } from "../platform/storefront/authenticate-storefront.server";
import { findCustomerOrder, orderRefSchema } from "../features/orders/storefront-orders.server";
import { storefrontRoute } from "../platform/storefront/storefront-route.server";

/**
 * GET /apps/resolve/orders/:orderRef — one of the signed-in shopper's orders with its tracking, by number
 * (`1001`) or by the id the order list gave. Someone else's order answers exactly like a missing one.
 */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  storefrontRoute(request, "order", async ({ admin, customerId }) => {
    if (!customerId) return storefrontError("sign_in_required", 401);
    const ref = orderRefSchema.safeParse(params.orderRef ?? "");
    if (!ref.success) return storefrontError("order_not_found", 404);
    const order = await findCustomerOrder(admin, customerId, ref.data);
    if (!order) return storefrontError("order_not_found", 404);
    return storefrontJson({ order, returnsRequireSignIn: false } satisfies OrderAnswer);
  });

export const action = ({ request }: ActionFunctionArgs) =>
  storefrontRoute(request, "order", async () => storefrontError("method_not_allowed", 405, { Allow: "GET" }));
