/** Configuration for tests that load the app's server modules. Test-only values, not secrets. */
export const TEST_APP_ENV = {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: "resolve-test-api-key",
  SHOPIFY_API_SECRET: "resolve-test-secret",
  SHOPIFY_APP_URL: "http://127.0.0.1:3999",
  SCOPES: "read_orders,read_products,read_returns,read_themes,write_app_proxy,write_returns",
} as const;
