import { createHmac } from "node:crypto";

/**
 * Signs app-proxy query parameters as Shopify does: hex HMAC-SHA256 with the app secret over the other
 * parameters sorted by name, each `key=value` (array values joined with commas), concatenated with no
 * separator (shopify.dev, "Authenticate app proxies").
 */
export function signAppProxyParams(params: Record<string, string | string[]>, apiSecret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== "signature")
    .sort()
    .map((key) => {
      const value = params[key];
      return `${key}=${Array.isArray(value) ? value.join(",") : value}`;
    })
    .join("");
  return createHmac("sha256", apiSecret).update(message).digest("hex");
}

/** Webhook HMAC: base64 HMAC-SHA256 of the raw body with the app secret (X-Shopify-Hmac-Sha256). */
export function signWebhookBody(body: string, apiSecret: string): string {
  return createHmac("sha256", apiSecret).update(body, "utf8").digest("base64");
}
