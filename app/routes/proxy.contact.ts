import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { ContactAnswer } from "../contracts/storefront-api";
import { env } from "../env.server";
import { contactInputSchema, submitContactRequest } from "../features/contact/ContactRequest.server";
import { storefrontError, storefrontJson } from "../platform/storefront/authenticate-storefront.server";
import { shopperSource } from "../platform/rate-limits.server";
import { queueMerchantNotification } from "../features/contact/notify-merchant.server";
import { findCustomerOrder } from "../features/orders/storefront-orders.server";
import { parseStorefrontForm } from "../platform/storefront/storefront-input.server";
import { storefrontRoute } from "../platform/storefront/storefront-route.server";

/**
 * POST /apps/resolve/contact { submissionKey, name, email, message, orderNumber?, locale?, context? } — stores the
 * shopper's message with its context and answers 201 `{ reference }` (the same one for a retry of the submission),
 * then emails the merchant in the background when SMTP is configured. 409 `submission_key_reused` (the key came
 * with another email), 422 `order_not_found` (signed in, not their order), 429 `rate_limited` with Retry-After.
 */
export const action = ({ request, context }: ActionFunctionArgs) =>
  storefrontRoute(request, "contact", async ({ shop, customerId, admin }) => {
    if (request.method !== "POST") return storefrontError("method_not_allowed", 405, { Allow: "POST" });
    const form = await parseStorefrontForm(request, contactInputSchema);
    if ("response" in form) return form.response;
    const result = await submitContactRequest({
      shop,
      ip: shopperSource(request, context),
      customerId,
      input: form.data,
      findOrder: async (customer, orderNumber) => {
        const order = admin ? await findCustomerOrder(admin, customer, { kind: "name", value: orderNumber }) : null;
        return order?.id ? { id: order.id, name: order.name } : null;
      },
    });
    switch (result.outcome) {
      case "rate_limited":
        return storefrontError("rate_limited", 429, { "Retry-After": String(result.retryAfterSeconds) });
      case "order_not_found":
        return storefrontJson({ error: "invalid_input", fields: { orderNumber: "order_not_found" } }, 422);
      case "submission_key_reused":
        return storefrontError("submission_key_reused", 409);
      case "stored":
        // The email is in the outbox before the shopper has the reference; a replay finds it there (one email per
        // request), and puts it there if a crash came between storing the request and its email. Sent in the background.
        await queueMerchantNotification(result.id, { smtpUrl: env.SMTP_URL, from: env.NOTIFY_FROM, to: env.NOTIFY_TO });
        return storefrontJson({ reference: result.reference } satisfies ContactAnswer, 201);
    }
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  storefrontRoute(request, "contact", async () => storefrontError("method_not_allowed", 405, { Allow: "POST" }));
