import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { validateDocument } from "../emulator/admin-api";

/**
 * Every `#graphql` document the app sends must be valid against the real Admin API 2026-10 schema, with no
 * deprecated field: Shopify would reject or later break it, so the suite fails first.
 */
function collectDocuments(dir: string): { file: string; source: string }[] {
  const found: { file: string; source: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "types") found.push(...collectDocuments(full));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const text = fs.readFileSync(full, "utf8");
      for (const match of text.matchAll(/`#graphql([\s\S]*?)`/g)) {
        found.push({ file: path.relative(process.cwd(), full), source: match[1] ?? "" });
      }
    }
  }
  return found;
}

const documents = collectDocuments(path.resolve("app"));

describe("GraphQL documents in app/", () => {
  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((doc) => [doc.file, doc.source] as const))(
    "%s is valid against Admin API 2026-10",
    (_file, source) => {
      expect(source).not.toContain("${");
      expect(validateDocument(source).map((error) => error.message)).toEqual([]);
    },
  );

  it("rejects a misspelt field and a deprecated field, so the check above can fail", () => {
    expect(validateDocument("query { shop { nmae } }")).not.toHaveLength(0);
    const deprecated = `mutation ($orderId: ID!, $id: ID!) {
      returnRequest(input: { orderId: $orderId, returnLineItems: [{ fulfillmentLineItemId: $id, quantity: 1, returnReason: WRONG_ITEM }] }) { userErrors { message } }
    }`;
    expect(
      validateDocument(deprecated)
        .map((error) => error.message)
        .join(" "),
    ).toMatch(/deprecated/i);
  });
});
