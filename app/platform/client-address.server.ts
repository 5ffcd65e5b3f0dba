import { isIP } from "node:net";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer of the request (server.mjs): the proxy nearest to the app, or the client when none is. */
    socketAddress?: string;
  }
}

/**
 * The shopper's address, taken only from what a trusted hop wrote (docs/decisions/0008-client-address-and-rate-limits.md).
 *
 * Shopify's app proxy sends the client's IP in `X-Forwarded-For`; every proxy between Shopify and the app (a load
 * balancer, a platform router) appends the address it received the request from. Reading from the right, the
 * entries written by the `TRUSTED_PROXY_HOPS` trusted proxies are the only ones no client can choose: the entry
 * that many hops from the right is the one Shopify wrote. Anything further left came from the client. With 0 hops
 * (nothing in front of the app) or a shorter header than the configuration promises, the socket's peer is used.
 */
export function clientAddress(
  request: Request,
  context: { socketAddress?: string } | undefined,
  /** `TRUSTED_PROXY_HOPS`. */
  trustedHops: number,
): string {
  const socket = normalise(context?.socketAddress ?? "");
  if (trustedHops === 0) return socket || "unknown";
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length < trustedHops) return socket || "unknown";
  return normalise(entries[entries.length - trustedHops]!) || "unknown";
}

/**
 * What a limit counts for one address. An IPv6 client is given a whole /64 (a household's or a phone's prefix), so
 * stepping through the addresses of one's own prefix is not a way around a limit.
 */
export function rateLimitSource(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.split("::");
  // An embedded IPv4 tail (::ffff:1.2.3.4) stands for two groups, all of them past the first four.
  const groups = (part: string | undefined) =>
    part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : [];
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => group.padStart(4, "0"))
    .join(":")}::/64`;
}

/** A bare IP (no brackets, no port, IPv4-mapped IPv6 as IPv4), or "" when the value is not one. */
function normalise(value: string): string {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  address = address.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1");
  return isIP(address) ? address.toLowerCase() : "";
}
