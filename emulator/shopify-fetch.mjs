// Preloaded into the app process in demo and test runs only (node --import): sends the Shopify calls the
// real library makes (https://<shop>.myshopify.com/admin/...) to the local emulator instead. The library
// captures globalThis.fetch when it is imported, so this must run before the app loads; the app code itself
// is unchanged.
const emulatorUrl = process.env.SHOPIFY_EMULATOR_URL;
if (!emulatorUrl) throw new Error("SHOPIFY_EMULATOR_URL must be set when preloading emulator/shopify-fetch.mjs");

const realFetch = globalThis.fetch;
globalThis.fetch = async function fetchThroughEmulator(input, init) {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (!url.hostname.endsWith(".myshopify.com")) return realFetch(request);
  const target = new URL(url.pathname + url.search, emulatorUrl);
  const headers = new Headers(request.headers);
  headers.set("x-emulator-shop", url.hostname);
  const body = ["GET", "HEAD"].includes(request.method) ? undefined : await request.arrayBuffer();
  // The caller's signal (the app's timeout) aborts the forwarded request as it would the real one. It is followed
  // by hand: a signal made in a test's module realm is not one this realm's Request follows.
  const forwarded = new AbortController();
  const signal = init?.signal ?? request.signal;
  if (signal.aborted) forwarded.abort(signal.reason);
  else signal.addEventListener("abort", () => forwarded.abort(signal.reason), { once: true });
  return realFetch(target, { method: request.method, headers, body, redirect: "manual", signal: forwarded.signal });
};

// Two response headers the library writes for Shopify's real admin are adjusted for the emulator's:
// - CSP frame-ancestors allows only the shop's admin to frame the app; the emulator's admin page is added.
// - A Link header preloads App Bridge from Shopify's CDN (unreachable offline); it points at the stand-in
//   that APP_BRIDGE_URL already names for the library.
const http = await import("node:http");
const emulator = new URL(emulatorUrl);
const emulatorOrigins = [
  ...new Set([emulator.origin, `http://127.0.0.1:${emulator.port}`, `http://localhost:${emulator.port}`]),
];
const CDN_APP_BRIDGE = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

function forEmulator(name, value) {
  if (Array.isArray(value)) return value.map((item) => forEmulator(name, item));
  if (typeof value !== "string") return value;
  const header = String(name).toLowerCase();
  if (header === "content-security-policy" && value.includes("frame-ancestors") && !value.includes(emulator.origin)) {
    return value.replace("frame-ancestors", `frame-ancestors ${emulatorOrigins.join(" ")}`);
  }
  if (header === "link" && process.env.APP_BRIDGE_URL) return value.replace(CDN_APP_BRIDGE, process.env.APP_BRIDGE_URL);
  return value;
}

for (const method of ["setHeader", "appendHeader"]) {
  const original = http.ServerResponse.prototype[method];
  if (!original) continue;
  http.ServerResponse.prototype[method] = function (name, value) {
    return original.call(this, name, forEmulator(name, value));
  };
}
