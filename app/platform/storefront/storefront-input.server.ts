import type { z } from "zod";

import { storefrontError, storefrontJson } from "./authenticate-storefront.server";

/** The largest form body the storefront API reads; an order lookup is a few dozen bytes. */
const MAX_BODY_BYTES = 8 * 1024;

/**
 * Reads a storefront form (JSON, or URL-encoded for a form posted without JavaScript) and validates it. Invalid
 * input comes back as `{ error: "invalid_input", fields: { name: "required" | "invalid" } }` — keys the block
 * translates, never the value that was sent, so nothing typed is ever reflected.
 */
export async function parseStorefrontForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<{ data: z.infer<Schema> } | { response: Response }> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { response: storefrontError("invalid_input", 413) };
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
