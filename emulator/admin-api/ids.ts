import { GraphQLError } from "graphql";

/** `gid://shopify/Order/5801000001` — the global ID format of every Admin API object. */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
}

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/;

/** Null when the string is not a Shopify global ID with a numeric id. */
export function parseGid(value: string): ParsedGid | null {
  const match = GID.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return { type: match[1], id: Number(match[2]) };
}

export function isGid(value: string): boolean {
  return /^gid:\/\/shopify\/[A-Za-z]+\/[^/]+$/.test(value);
}

/**
 * The numeric id of a global ID of the expected type, or null when it names another type or
 * nothing (Shopify then answers `null`). A string that is not a global ID at all is an error.
 */
export function idOf(value: string, expectedType: string): number | null {
  if (!isGid(value)) {
    throw new GraphQLError(`Invalid global id '${value}'`, {
      extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" },
    });
  }
  const parsed = parseGid(value);
  return parsed && parsed.type === expectedType ? parsed.id : null;
}
