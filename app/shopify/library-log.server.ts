import { LogSeverity } from "@shopify/shopify-api";

import type { Env } from "../env-schema.server";

/**
 * The Shopify library's log, as Resolve prints it. At its Debug level the library prints what the admin sent: a
 * session token that failed to validate, whole, in the error message, and URLs that may carry `id_token`; its
 * HTTP error messages quote Shopify's response bodies. Whatever the level, a line reaches the console only once
 * the credentials and customer ids in it are replaced, so turning on Debug to diagnose an install is safe.
 */

type LibraryLogLevel = Env["SHOPIFY_LOG_LEVEL"];

const SEVERITY: Record<LibraryLogLevel, LogSeverity> = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
};

// Query parameters that authenticate a request or name a shopper (app proxy, embedded admin, OAuth, webhooks).
const SECRET_PARAMS = /\b(id_token|signature|hmac|logged_in_customer_id|session|code|state|token)=[^&\s'",}]+/gi;
// A JSON Web Token: three base64url parts, the first a JSON header ("eyJ…").
const JWT = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g;
// Shopify access tokens (offline, online, custom app, storefront).
const ACCESS_TOKEN = /\bshp(?:at|ua|ca|ss|pa)_\w+/g;
const BEARER = /\bBearer\s+[^\s'",}]+/gi;
// The library quotes a session token it could not parse, whatever its shape, and at Debug prints where it found
// one (`sessionToken: {"header":…}`) and what a valid one says (`payload: {…"sub":<staff user id>…}`).
const QUOTED_TOKEN = /(session token )'[^']*'/gi;
const TOKEN_CONTEXT = /\b(sessionToken|payload): \{[^}]*\}/g;

/** `text` with credentials and customer ids replaced by `[redacted]`. */
export function redactCredentials(text: string): string {
  return text
    .replace(QUOTED_TOKEN, "$1'[redacted]'")
    .replace(TOKEN_CONTEXT, "$1: [redacted]")
    .replace(JWT, "[redacted]")
    .replace(ACCESS_TOKEN, "[redacted]")
    .replace(BEARER, "Bearer [redacted]")
    .replace(SECRET_PARAMS, "$1=[redacted]");
}

function print(severity: LogSeverity, message: string): void {
  const line = redactCredentials(message);
  if (severity === LogSeverity.Error) console.error(line);
  else if (severity === LogSeverity.Warning) console.warn(line);
  else console.log(line);
}

/** The `logger` option of `shopifyApp()`: the library's lines at `level` and above, redacted. */
export function libraryLogger(level: LibraryLogLevel) {
  return { level: SEVERITY[level], log: print };
}
