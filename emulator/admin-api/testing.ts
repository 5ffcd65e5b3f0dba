import { createAdminApi, type AdminApi, type AdminApiOptions } from "./index";

/** The fixed reference time every test seeds with, so dates in assertions are stable. */
export const TEST_NOW = new Date("2026-11-20T15:00:00Z");

export function testApi(options: AdminApiOptions = {}): AdminApi {
  return createAdminApi({ now: TEST_NOW, ...options });
}

// Tests read responses as loose JSON; the shapes are what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Posts one GraphQL document and returns the response body. */
export async function gql(api: AdminApi, query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const response = await api.handle({ query, variables });
  return response.body;
}

/** Like `gql`, but fails the test on any top-level error and returns `data`. */
export async function data(api: AdminApi, query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const body = await gql(api, query, variables);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
  return body.data;
}
