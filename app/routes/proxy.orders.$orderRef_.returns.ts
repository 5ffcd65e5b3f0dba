import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { ReturnFiled, ReturnOptions } from "../contracts/storefront-api";
import { LOCALE_PATTERN } from "../features/policy/ReturnPolicy.server";
import { storefrontError, storefrontJson } from "../platform/storefront/authenticate-storefront.server";
import { parseStorefrontForm } from "../platform/storefront/storefront-input.server";
import { orderRefSchema } from "../features/orders/storefront-orders.server";
import {
  getReturnOptions,
  submitReturn,
  submitReturnSchema,
  type SubmitReturnResult,
} from "../features/returns/storefront-returns.server";
import { signInUrl } from "../platform/storefront/storefront-sign-in.server";
import { SHOPIFY_RETRY_AFTER_SECONDS, storefrontRoute } from "../platform/storefront/storefront-route.server";

const query = (request: Request, name: string) => new URL(request.url).searchParams.get(name);

function signInRequired(request: Request, pathPrefix: string) {
  const url = signInUrl(pathPrefix, query(request, "returnTo"), request.headers.get("referer"));
  return storefrontJson({ error: "sign_in_required", signInUrl: url }, 401);
}

/**
 * GET /apps/resolve/orders/:orderRef/returns[?locale=fr] — what of one of the signed-in shopper's orders may be
 * returned, why the rest may not, the reasons and resolutions the policy offers, and the order's returns.
 */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  storefrontRoute(request, "returns", async ({ admin, shop, customerId, pathPrefix }) => {
    if (!customerId) return signInRequired(request, pathPrefix);
    const ref = orderRefSchema.safeParse(params.orderRef ?? "");
    if (!ref.success) return storefrontError("order_not_found", 404);
    const requested = query(request, "locale") ?? "";
    const locale = LOCALE_PATTERN.test(requested) ? requested : "en";
    const options = await getReturnOptions({ admin, shop, customerId, ref: ref.data, locale });
    if (!options) return storefrontError("order_not_found", 404);
    return storefrontJson(options satisfies ReturnOptions);
  });

/**
 * POST /apps/resolve/orders/:orderRef/returns — files a return, once per `idempotencyKey` (see
 * docs/storefront-api.md).
 */
export const action = ({ request, params }: ActionFunctionArgs) =>
  storefrontRoute(request, "returns", async ({ admin, shop, customerId, pathPrefix }) => {
    if (request.method !== "POST") return storefrontError("method_not_allowed", 405, { Allow: "GET, POST" });
    if (!customerId) return signInRequired(request, pathPrefix);
    const ref = orderRefSchema.safeParse(params.orderRef ?? "");
    if (!ref.success) return storefrontError("order_not_found", 404);
    const form = await parseStorefrontForm(request, submitReturnSchema);
    if ("response" in form) return form.response;
    return answer(await submitReturn({ admin, shop, customerId, ref: ref.data, body: form.data }));
  });

function answer(result: SubmitReturnResult): Response {
  switch (result.kind) {
    case "order_not_found":
      return storefrontError("order_not_found", 404);
    case "invalid":
      return storefrontJson({ error: "invalid_input", fields: result.fields }, 422);
    case "key_conflict":
      return storefrontJson({ error: "idempotency_key_reused" }, 409);
    case "rejected":
      return storefrontJson({ error: result.error, submissionId: result.submissionId }, 422);
    case "shopify_unavailable":
      return storefrontJson({ error: "shopify_unavailable", submissionId: result.submissionId }, 503, {
        "Retry-After": String(SHOPIFY_RETRY_AFTER_SECONDS),
      });
    case "still_working":
      return storefrontJson({ error: "still_working", submissionId: result.submissionId }, 409, {
        "Retry-After": String(SHOPIFY_RETRY_AFTER_SECONDS),
      });
    case "filed":
      return storefrontJson({
        submissionId: result.submission.id,
        return: { id: result.submission.shopifyReturnId, status: result.submission.shopifyStatus?.toLowerCase() },
      } satisfies ReturnFiled);
  }
}
