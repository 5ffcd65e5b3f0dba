import path from "node:path";

/**
 * Shopify's Liquid as a theme app extension sees it (filters, tags, `t`, app blocks), shared by the admin's
 * storefront preview and the local emulator's storefront, so both render the extension's real files the same
 * way. What it does not reproduce is listed in emulator/storefront/README.md.
 */
export * from "./app-block";
export * from "./shopify-liquid";
export * from "./translations";

/**
 * Root of the self-service theme app extension. The app server runs from the project root (npm start, the
 * demo, the tests), where `extensions/` ships with the app, so it reads the same files Shopify serves.
 */
export function selfServiceExtensionRoot(projectRoot: string = process.cwd()): string {
  return path.resolve(projectRoot, "extensions/self-service");
}
