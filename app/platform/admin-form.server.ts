import { readBodyUpTo, withBody } from "./read-body.server";

/**
 * The largest admin form: a policy or an article holds up to 20,000 characters of text in each of a shop's
 * languages (Shopify allows 20), a few bytes each once encoded.
 */
export const ADMIN_FORM_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The body of an admin action as plain data. The admin's pages post JSON (`JSON_POST`); a URL-encoded form
 * (a script, or a form posted before the page's JavaScript ran) reads as its string fields. Unreadable bodies
 * read as `null`, for the action's zod schema to refuse as field errors. A body over the limit is refused with
 * a 413 the admin's error boundary shows, read no further than the limit.
 */
export async function readAdminForm(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  const isJson = type.includes("application/json");
  const isForm = type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data");
  if (!isJson && !isForm) return null;
  const body = await readBodyUpTo(request, ADMIN_FORM_MAX_BYTES);
  if (!body.ok) throw adminFormTooLarge();
  if (isJson)
    return withBody(request, body.bytes)
      .json()
      .catch(() => null);
  const form = await withBody(request, body.bytes)
    .formData()
    .catch(() => null);
  if (!form) return null;
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

function adminFormTooLarge() {
  return new Response(
    `Nothing was saved: the form is larger than ${ADMIN_FORM_MAX_BYTES / 1024 / 1024} MB, the most Resolve accepts. Shorten the longest texts and save again.`,
    { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}
