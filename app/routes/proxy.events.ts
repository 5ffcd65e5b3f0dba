import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { EventsAnswer } from "../contracts/storefront-api";
import { acceptAnalyticsBatch, analyticsBatchSchema } from "../features/analytics/AnalyticsEvent.server";
import { storefrontError, storefrontJson } from "../platform/storefront/authenticate-storefront.server";
import { shopperSource } from "../platform/rate-limits.server";
import { parseStorefrontForm } from "../platform/storefront/storefront-input.server";
import { storefrontRoute } from "../platform/storefront/storefront-route.server";

/**
 * POST /apps/resolve/events { sessionId, locale?, events: [{ type, query?, articleId?, helpful?, results? }] } —
 * privacy-safe analytics, stored without personal data. 202 `{ stored }`; 429 `rate_limited` with Retry-After.
 */
export const action = ({ request, context }: ActionFunctionArgs) =>
  storefrontRoute(request, "events", async ({ shop }) => {
    if (request.method !== "POST") return storefrontError("method_not_allowed", 405, { Allow: "POST" });
    const form = await parseStorefrontForm(request, analyticsBatchSchema);
    if ("response" in form) return form.response;
    const result = await acceptAnalyticsBatch(shop, shopperSource(request, context), form.data);
    if (result.outcome === "rate_limited") {
      return storefrontError("rate_limited", 429, { "Retry-After": String(result.retryAfterSeconds) });
    }
    return storefrontJson({ stored: result.count } satisfies EventsAnswer, 202);
  });

export const loader = ({ request }: LoaderFunctionArgs) =>
  storefrontRoute(request, "events", async () => storefrontError("method_not_allowed", 405, { Allow: "POST" }));
