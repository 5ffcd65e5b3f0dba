import { redactCredentials } from "../shopify/library-log.server";

/**
 * An error as the server log shows it: its kind, the first line of its message, where it was thrown, and the kind of
 * its cause. Not the rest of the message, nor its properties, which is where the data sits: the Shopify library puts
 * Shopify's response body there (an order with its customer and address), Prisma the arguments of the failed query
 * (a shopper's email, a customer id). What remains is redacted like the library's own lines.
 */
export function serverErrorLine(error: unknown): string {
  const thrown = routeErrorCause(error);
  if (!(thrown instanceof Error)) return `Thrown ${describeValue(thrown)}`;
  const frames = (thrown.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const cause = thrown.cause instanceof Error ? [`  caused by ${headline(thrown.cause)}`] : [];
  return redactCredentials([headline(thrown), ...cause, ...frames].join("\n"));
}

// The Shopify library's errors keep the name "Error": their class says what they are.
function headline(error: Error): string {
  const kind = error.constructor.name === "Error" ? error.name : error.constructor.name;
  return `${kind}: ${error.message.split("\n", 1)[0]}`;
}

/** Remix wraps its own 404 and 405 in a route error response that carries the error it logs. */
function routeErrorCause(error: unknown): unknown {
  if (error && typeof error === "object" && "internal" in error && "error" in error && error.error) return error.error;
  return error;
}

function describeValue(value: unknown): string {
  if (value && typeof value === "object" && "status" in value && typeof value.status === "number") {
    return `response ${value.status}`;
  }
  return typeof value;
}
