/**
 * The body of an admin action as plain data. The admin's pages post JSON (`JSON_POST`); a URL-encoded form
 * (a script, or a form posted before the page's JavaScript ran) reads as its string fields. Unreadable bodies
 * read as `null`, for the action's zod schema to refuse as field errors.
 */
export async function readAdminForm(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return request.json().catch(() => null);
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    if (!form) return null;
    return Object.fromEntries(
      [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  }
  return null;
}
