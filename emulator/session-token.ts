import { randomUUID } from "node:crypto";

import { SignJWT } from "jose";

/** The demo shop's staff user the admin frame signs in as. */
export const DEMO_STAFF_USER_ID = "90210";

/**
 * Mints a session token the way the Shopify admin does for an embedded app: an HS256 JWT signed with the
 * app's secret, valid for one minute (shopify.dev, "Session tokens").
 */
export async function mintSessionToken(options: { shop: string; apiKey: string; apiSecret: string; now?: Date }) {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ dest: `https://${options.shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${options.shop}/admin`)
    .setAudience(options.apiKey)
    .setSubject(DEMO_STAFF_USER_ID)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 60)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(options.apiSecret));
}
