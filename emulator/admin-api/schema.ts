import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema } from "graphql";

/** The vendored Admin API schema this emulator serves (the version the app pins). */
export const ADMIN_API_VERSION = "2026-10";
export const SCHEMA_PATH = fileURLToPath(new URL(`../schema/admin-${ADMIN_API_VERSION}.graphql`, import.meta.url));

let cached: GraphQLSchema | undefined;

/**
 * The Admin schema, built once per process: building 110k lines of SDL takes about half a second,
 * and every emulator instance and validation test shares the same immutable schema object.
 */
export function adminSchema(): GraphQLSchema {
  cached ??= buildSchema(readFileSync(SCHEMA_PATH, "utf8"));
  return cached;
}
