/**
 * How long Resolve waits for Shopify, in one place. Every HTTP request the Shopify library makes for Resolve (Admin
 * GraphQL, token exchange) is cut off after `requestTimeoutMs` (`withShopifyTimeout`, installed once in
 * shopify.server.ts); a cut-off request fails like any unanswered one (`callShopify` retries a query, a mutation
 * is never sent again blindly: `callShopifyMutation`). Set at start-up from `SHOPIFY_TIMEOUT_MS`; tests shorten it
 * with `configureShopifyTiming`.
 */
export interface ShopifyTiming {
  requestTimeoutMs: number;
}

export const DEFAULT_SHOPIFY_TIMING: ShopifyTiming = { requestTimeoutMs: 8_000 };

let timing: ShopifyTiming = DEFAULT_SHOPIFY_TIMING;

export function shopifyTiming(): ShopifyTiming {
  return timing;
}

/** At start-up (from the environment) and in tests; values left out keep their defaults. */
export function configureShopifyTiming(next: Partial<ShopifyTiming>): void {
  timing = { ...DEFAULT_SHOPIFY_TIMING, ...next };
}

/**
 * `fetch` with Resolve's timeout: the request (and the reading of its body) is aborted after `requestTimeoutMs`,
 * read when the request starts so that a change applies to the next call. A caller's own signal still aborts it.
 */
export function withShopifyTimeout(fetchShopify: typeof fetch): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timing.requestTimeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchShopify(input, { ...init, signal });
  };
}
