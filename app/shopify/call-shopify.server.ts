import { GraphqlQueryError, HttpMaxRetriesError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";

/**
 * Shopify could not answer now (throttled, down, unreachable, too slow): the caller shows a retry, nothing is lost.
 * `mayHaveLanded`: the request was a mutation Shopify may have carried out although its answer never came (a
 * timeout, a dropped connection, a 5xx), so it must not be sent again before Shopify is asked whether it did.
 */
export class ShopifyUnavailableError extends Error {
  constructor(
    cause: unknown,
    readonly mayHaveLanded = false,
  ) {
    super("Shopify is not answering right now", { cause });
    this.name = "ShopifyUnavailableError";
  }
}

/**
 * A failure that may pass by itself: cost throttling (a GraphQL THROTTLED error), 429, 5xx, or the network (a
 * request cut off by Resolve's timeout, shopify-timing.server.ts, is one).
 */
export function isTransientShopifyError(error: unknown): boolean {
  if (isRefusedUnrun(error)) return true;
  if (error instanceof HttpResponseError) return error.response.code >= 500;
  return error instanceof HttpMaxRetriesError || error instanceof HttpRequestError;
}

/** Shopify refused the request before running it (cost throttling, 429): sending it again cannot repeat it. */
function isRefusedUnrun(error: unknown): boolean {
  if (error instanceof GraphqlQueryError) {
    const errors = (error.body?.errors?.graphQLErrors ?? []) as { extensions?: { code?: string } }[];
    return errors.some((graphQLError) => graphQLError.extensions?.code === "THROTTLED");
  }
  return error instanceof HttpResponseError && error.response.code === 429;
}

export interface RetryPolicy {
  attempts: number;
  /** First wait; doubles after each failed attempt. Shopify's cost bucket refills continuously. */
  backoffMs: number;
}

const DEFAULT_POLICY: RetryPolicy = { attempts: 3, backoffMs: 500 };

/**
 * Calls Shopify, retrying transient failures with exponential backoff. The Shopify library retries HTTP 429
 * and 503 only; a THROTTLED GraphQL error (HTTP 200) needs this. Responses the library throws (its auth
 * redirects) pass through untouched; other errors are real bugs and propagate.
 */
export async function callShopify<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_POLICY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof Response || !isTransientShopifyError(error)) throw error;
      if (attempt >= policy.attempts) throw new ShopifyUnavailableError(error);
      await new Promise((resolve) => setTimeout(resolve, policy.backoffMs * 2 ** (attempt - 1)));
    }
  }
}

/**
 * Calls a Shopify mutation that must not run twice (filing a return). Retried only while Shopify refuses it unrun
 * (throttled); any other transient failure may have carried it out, so it ends the call at once with
 * `ShopifyUnavailableError.mayHaveLanded` and the caller asks Shopify before ever sending it again.
 */
export async function callShopifyMutation<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_POLICY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof Response || !isTransientShopifyError(error)) throw error;
      if (!isRefusedUnrun(error)) throw new ShopifyUnavailableError(error, true);
      if (attempt >= policy.attempts) throw new ShopifyUnavailableError(error);
      await new Promise((resolve) => setTimeout(resolve, policy.backoffMs * 2 ** (attempt - 1)));
    }
  }
}
