import type { z } from "zod";

import { storefrontError, storefrontJson } from "./authenticate-storefront.server";
import { readBodyUpTo } from "../read-body.server";

/** The largest form the storefront API accepts, in characters; an order lookup is a few dozen. */
const MAX_BODY_CHARACTERS = 8 * 1024;
/** A character is at most 3 bytes of UTF-8 (4 for a pair of UTF-16 units): no form under the limit is cut off. */
const MAX_BODY_BYTES = 3 * MAX_BODY_CHARACTERS;

/**
 * Reads a storefront form (JSON, or URL-encoded for a form posted without JavaScript) and validates it. Invalid
 * input comes back as `{ error: "invalid_input", fields: { name: "required" | "invalid" } }` — keys the block
 * translates, never the value that was sent, so nothing typed is ever reflected. A body over the limit is 413
 * `invalid_input`, read no further than the limit.
 */
export async function parseStorefrontForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<{ data: z.infer<Schema> } | { response: Response }> {
  const body = await readBodyUpTo(request, MAX_BODY_BYTES);
  if (!body.ok) return { response: storefrontError("invalid_input", 413) };
  const text = new TextDecoder().decode(body.bytes);
  if (text.length > MAX_BODY_CHARACTERS) return { response: storefrontError("invalid_input", 413) };
  let raw: unknown;
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      raw = JSON.parse(text);
    } catch {
      return { response: storefrontError("invalid_input", 400) };
    }
  } else {
    raw = Object.fromEntries(new URLSearchParams(text));
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const fields: Record<string, "required" | "invalid"> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!field || fields[field]) continue;
    const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
    fields[field] = value === undefined || value === null || String(value).trim() === "" ? "required" : "invalid";
  }
  return { response: storefrontJson({ error: "invalid_input", fields }, 400) };
}
