import { GraphqlQueryError, HttpMaxRetriesError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";

/** Shopify could not answer now (throttled, down, unreachable): the caller shows a retry, nothing is lost. */
export class ShopifyUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Shopify is not answering right now", { cause });
    this.name = "ShopifyUnavailableError";
  }
}

/** A failure that may pass by itself: cost throttling (a GraphQL THROTTLED error), 429, 5xx, or the network. */
export function isTransientShopifyError(error: unknown): boolean {
  if (error instanceof GraphqlQueryError) {
    const errors = (error.body?.errors?.graphQLErrors ?? []) as { extensions?: { code?: string } }[];
    return errors.some((graphQLError) => graphQLError.extensions?.code === "THROTTLED");
  }
  if (error instanceof HttpResponseError) return error.response.code === 429 || error.response.code >= 500;
  return error instanceof HttpMaxRetriesError || error instanceof HttpRequestError;
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
