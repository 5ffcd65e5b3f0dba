import type { ErrorAnswer } from "../app/contracts/storefront-api";
import { h } from "./dom";
import type { Text } from "./text";

/**
 * Calls to the app through Shopify's app proxy (contract: docs/storefront-api.md). Every failure becomes an
 * `ApiError` whose `key` the block translates (`error_<key>`); a network failure is `network`.
 */

export class ApiError extends Error {
  constructor(
    readonly key: string,
    readonly status = 0,
    readonly fields: NonNullable<ErrorAnswer["fields"]> = {},
    readonly retryAfter = 0,
  ) {
    super(key);
  }
}

export async function api<T>(base: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("network");
  }
  const data: T & Partial<ErrorAnswer> = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(
      typeof data.error === "string" ? data.error : "server_error",
      response.status,
      data.fields,
      Number(response.headers.get("retry-after")) || 0,
    );
  }
  return data;
}

/** A random UUID v4 for idempotency keys and the analytics session (storefronts are HTTPS: a secure context). */
export const randomId = () => crypto.randomUUID();

/** What to tell the shopper about a failed call (`error_<key>` of the locale files). */
export function errorText(t: Text, error: unknown) {
  if (!(error instanceof ApiError)) return t("error_server_error");
  const key = `error_${error.key.startsWith("shopify_") && error.key !== "shopify_unavailable" ? "shopify_refused" : error.key}`;
  const text = t(key, { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) });
  return text === key ? t("error_server_error") : text;
}

/** A polite "Loading…" for the part of the portal that is on its way. */
export const loading = (t: Text) => h("p", { role: "status" }, t("loading"));
/** The failure, announced at once. */
export const alert = (t: Text, error: unknown) =>
  h("p", { role: "alert", class: "resolve-portal__error" }, errorText(t, error));
