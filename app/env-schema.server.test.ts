import { describe, expect, it } from "vitest";

import { TEST_APP_ENV } from "../test/app-env";
import { parseEnv } from "./env-schema.server";

describe("configuration", () => {
  it("names every missing variable in one message instead of failing later", () => {
    expect(() => parseEnv({ SHOPIFY_APP_URL: "https://resolve.example.com" })).toThrow(
      /SHOPIFY_API_KEY is missing[\s\S]*SHOPIFY_API_SECRET is missing/,
    );
  });

  it("says which value is malformed", () => {
    expect(() => parseEnv({ ...TEST_APP_ENV, DATABASE_URL: "mysql://db/resolve" })).toThrow(/DATABASE_URL is invalid/);
    expect(() => parseEnv({ ...TEST_APP_ENV, SHOPIFY_APP_URL: "resolve.example.com" })).toThrow(
      /SHOPIFY_APP_URL is invalid/,
    );
  });

  it("defaults to the embedded SQLite database", () => {
    expect(parseEnv({ ...TEST_APP_ENV }).DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(parseEnv({ ...TEST_APP_ENV, DATABASE_URL: "postgres://u:p@db:5432/resolve" }).DATABASE_URL).toMatch(
      /^postgres/,
    );
  });
});
