import { describe, expect, it } from "vitest";

import { redactCredentials } from "./library-log.server";

// Lines the Shopify library prints at its Debug level, as it printed them for the demo (tokens shortened).
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkZXN0IjoiaHR0cHM6Ly9yZXNvbHZlIn0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";

describe("the Shopify library's log lines", () => {
  it.each([
    `[shopify-app/DEBUG] Failed to validate session token: Failed to parse session token '${JWT}': signature verification failed | {shop: a.myshopify.com}`,
    `[shopify-app/DEBUG] Failed to validate session token: Failed to parse session token 'not-a-jwt': Invalid Compact JWS | {shop: null}`,
    `[shopify-app/DEBUG] Attempting to authenticate session token | {shop: null, sessionToken: {"header":"not-a-jwt","search":null}}`,
    `[shopify-app/DEBUG] Session token is valid - validated | {shop: null, payload: {"dest":"https://a.myshopify.com","sub":"90210","sid":"d0918ad8"}}`,
    `[shopify-app/DEBUG] Redirecting | {shop: a.myshopify.com, url: https://app.example/app?shop=a.myshopify.com&id_token=not-a-jwt&host=YQ}`,
    `[shopify-api/DEBUG] Proxy request /proxy/orders?logged_in_customer_id=90210&signature=not-a-jwt&shop=a.myshopify.com`,
    `[shopify-api/DEBUG] Request headers {"Authorization":"Bearer not-a-jwt","X-Shopify-Access-Token":"shpat_0123456789abcdef"}`,
  ])("keep no credential or id: %s", (line) => {
    const redacted = redactCredentials(line);
    expect(redacted).not.toMatch(/not-a-jwt|90210|shpat_0123|eyJ/);
    expect(redacted).toContain("[redacted]");
    // What the line is about stays readable.
    expect(redacted.slice(0, 30)).toBe(line.slice(0, 30));
  });

  it("keeps a line without credentials as it was", () => {
    const line = "[shopify-app/INFO] Authenticating app proxy request | {shop: resolve-demo.myshopify.com}";
    expect(redactCredentials(line)).toBe(line);
  });
});
