import { useSubmit } from "@remix-run/react";

/** Every admin form posts JSON (file uploads excepted): `submit(body, JSON_POST)` or `fetcher.submit(body, JSON_POST)`. */
export const JSON_POST = { method: "post", encType: "application/json" } as const;

export type JsonBody = Record<string, unknown>;

/** The route's own action, with a JSON body. */
export function useJsonSubmit() {
  const submit = useSubmit();
  return (body: JsonBody, options: { action?: string; replace?: boolean } = {}) =>
    // Remix's JsonValue type does not admit `unknown`; the body is plain data built by the page.
    submit(body as Parameters<typeof submit>[0], { ...JSON_POST, ...options });
}
