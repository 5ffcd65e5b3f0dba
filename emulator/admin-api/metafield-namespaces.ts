/**
 * Shopify's app-reserved namespaces (docs: "Ownership" → reserved prefixes): an app writes `$app`
 * or `$app:<name>` and Shopify stores `app--<appId>` or `app--<appId>--<name>`; an omitted
 * namespace means `$app`. Reads through the API resolve the prefix the same way, and the API
 * answers with the stored (resolved) namespace.
 *
 * In a theme app extension, Liquid's `app.metafields` reads the app-data metafields (owner: the app
 * installation) under their stored namespace, and also under the `$app` spelling
 * (`app.metafields["$app:resolve"].faq`, supported since 2024-08). A metafield written as
 * `$app:resolve` is NOT visible as `app.metafields.resolve` — only a plain namespace `resolve` is.
 */
export function resolveNamespace(namespace: string | null | undefined, appId: number): string {
  if (namespace === null || namespace === undefined || namespace === "" || namespace === "$app") return `app--${appId}`;
  if (namespace.startsWith("$app:")) return `app--${appId}--${namespace.slice("$app:".length)}`;
  return namespace;
}

/** Every spelling Liquid accepts for a stored namespace (`app.metafields[<spelling>]`). */
export function liquidSpellings(storedNamespace: string, appId: number): string[] {
  const own = `app--${appId}`;
  if (storedNamespace === own) return [storedNamespace, "$app"];
  if (storedNamespace.startsWith(`${own}--`)) return [storedNamespace, `$app:${storedNamespace.slice(own.length + 2)}`];
  return [storedNamespace];
}

/** Namespaces reserved for another app or for Shopify: writing them is not allowed. */
export function isForeignReserved(storedNamespace: string, appId: number): boolean {
  if (storedNamespace.startsWith("shopify--")) return true;
  return (
    storedNamespace.startsWith("app--") &&
    storedNamespace !== `app--${appId}` &&
    !storedNamespace.startsWith(`app--${appId}--`)
  );
}
