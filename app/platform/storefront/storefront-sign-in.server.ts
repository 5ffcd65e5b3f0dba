/**
 * Shopify's customer sign-in (`/account/login?return_url=…`), bringing the shopper back to the portal after
 * signing in. The portal is the page the block is on: the block says which (`returnTo`, from Liquid's
 * `request.path`, locale prefix included), else the page that made the request (Referer). Only a path on the
 * shop itself is accepted — never another site (`//evil.example`), never a script URL — and never a path under
 * the app proxy's `path_prefix` (that is this API, not a page a shopper reads). Failing all that, the shopper's
 * account page.
 */
export function signInUrl(pathPrefix: string, ...candidates: (string | null | undefined)[]): string {
  const target = candidates.map(toShopPath).find((path) => path && !isUnder(path, pathPrefix)) ?? "/account";
  return `/account/login?return_url=${encodeURIComponent(target)}`;
}

/** The path (with query) of a shop-relative path or an absolute URL, when it is safe to send a shopper to. */
function toShopPath(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  let path = candidate;
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      path = url.pathname + url.search;
    } catch {
      return null;
    }
  }
  return /^\/(?!\/)[A-Za-z0-9/._~%!$&'()*+,;=:@?-]{0,500}$/.test(path) ? path : null;
}

function isUnder(path: string, prefix: string): boolean {
  const normalized = prefix.replace(/\/+$/, "");
  return (
    normalized !== "" && (path === normalized || path.startsWith(`${normalized}/`) || path.startsWith(`${normalized}?`))
  );
}
