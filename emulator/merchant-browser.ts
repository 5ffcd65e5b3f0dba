/**
 * A regular desktop Chrome's user agent. The Shopify library turns away requests it takes for a bot (410), and
 * headless Chromium announces itself as "HeadlessChrome": requests standing for a merchant's or a shopper's
 * browser (the demo's first open, its publishing, the browser tests, the benches) say this instead.
 */
export const MERCHANT_BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
