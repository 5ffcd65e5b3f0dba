import type { RequestContext } from "../context";
import { idOf, parseGid } from "../ids";
import { isForeignReserved, resolveNamespace } from "../metafield-namespaces";
import { compareDigest, metafieldView } from "../resolvers/app";
import { notModelled } from "../resolvers/common";
import { nextId, type MetafieldRecord } from "../state";
import { userError, type UserError } from "./user-errors";

/** `metafieldsSet` accepts at most this many metafields per call (Admin schema, metafieldsSet). */
export const METAFIELDS_PER_CALL = 25;

/*
 * Value size limits, in bytes of the UTF-8 value (shopify.dev/docs/apps/build/metafields/metafield-limits,
 * and the changelog "JSON metafield values limited to 128KB", effective API 2026-04): `json` 128 KB for
 * apps created after 2026-04-01, `id` and `url` 2 KB, every other type 64 KB.
 */
export const JSON_VALUE_MAX_BYTES = 128 * 1024;
export const DEFAULT_VALUE_MAX_BYTES = 64 * 1024;
export const ID_OR_URL_VALUE_MAX_BYTES = 2 * 1024;

/** Key: 2–64 characters; namespace: 3–255 (docs: MetafieldsSetInput). Letters, digits, `-` and `_`. */
const KEY = /^[A-Za-z0-9_-]{2,64}$/;
const NAMESPACE = /^[A-Za-z0-9_:$-]{3,255}$/;

function maxBytes(type: string): number {
  if (type === "json") return JSON_VALUE_MAX_BYTES;
  if (type === "id" || type === "url") return ID_OR_URL_VALUE_MAX_BYTES;
  return DEFAULT_VALUE_MAX_BYTES;
}

/** Value checks per type; a message when the value is not valid for the type. */
const VALUE_CHECKS: Record<string, (value: string) => string | null> = {
  json: (v) => (parsesAsJson(v) ? null : "Value must be valid JSON."),
  single_line_text_field: (v) => (/[\r\n]/.test(v) ? "Value must be a single line of text." : null),
  multi_line_text_field: () => null,
  rich_text_field: (v) => (parsesAsJson(v) ? null : "Value must be a valid rich text JSON object."),
  number_integer: (v) => (/^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? null : "Value must be an integer."),
  number_decimal: (v) => (/^-?\d+(\.\d+)?$/.test(v) ? null : "Value must be a decimal number."),
  boolean: (v) => (v === "true" || v === "false" ? null : "Value must be true or false."),
  date: (v) =>
    /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
      ? null
      : "Value must be a date in the format YYYY-MM-DD.",
  date_time: (v) => (!Number.isNaN(Date.parse(v)) ? null : "Value must be an ISO 8601 date and time."),
  url: (v) =>
    /^(https?|mailto|sms|tel):/.test(v)
      ? null
      : "Value must be a URL with an allowed scheme (https, http, mailto, sms, tel).",
  color: (v) => (/^#[0-9A-Fa-f]{6}$/.test(v) ? null : "Value must be a hex color code like #FFFFFF."),
  "list.single_line_text_field": (v) =>
    isJsonArrayOf(v, (x) => typeof x === "string") ? null : "Value must be a JSON array of strings.",
  "list.number_integer": (v) =>
    isJsonArrayOf(v, (x) => Number.isSafeInteger(x)) ? null : "Value must be a JSON array of integers.",
};

function parsesAsJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function isJsonArrayOf(value: string, item: (x: unknown) => boolean): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length <= 128 && parsed.every(item);
  } catch {
    return false;
  }
}

interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

/**
 * `metafieldsSet` on the app installation (app-data metafields). Atomic like Shopify's: when any
 * input has a user error, nothing is written.
 */
export function metafieldsSet({ metafields }: { metafields: MetafieldsSetInput[] }, ctx: RequestContext) {
  const { app } = ctx.state;
  const errors: UserError[] = [];
  if (metafields.length > METAFIELDS_PER_CALL) {
    errors.push(
      userError(
        ["metafields"],
        `Exceeded the maximum metafields input limit of ${METAFIELDS_PER_CALL}.`,
        "LESS_THAN_OR_EQUAL_TO",
        { elementIndex: null },
      ),
    );
    return { metafields: null, userErrors: errors };
  }
  const writes: {
    existing: MetafieldRecord | undefined;
    namespace: string;
    input: MetafieldsSetInput;
    type: string;
  }[] = [];
  metafields.forEach((input, index) => {
    const at = (field: string) => ["metafields", index, field];
    const fail = (field: string, message: string, code: string) =>
      errors.push(userError(at(field), message, code, { elementIndex: index }));

    const owner = parseGid(input.ownerId);
    idOf(input.ownerId, "AppInstallation"); // rejects strings that are not global ids
    if (owner?.type !== "AppInstallation")
      throw notModelled(
        `metafieldsSet on ${owner?.type ?? input.ownerId} (only the app installation's app-data metafields are)`,
      );
    if (owner.id !== app.installationId) return fail("ownerId", "Owner does not exist.", "INVALID");

    const namespace = resolveNamespace(input.namespace, app.id);
    if (isForeignReserved(namespace, app.id))
      return fail(
        "namespace",
        "Access to this namespace and key on Metafields for this resource type is not allowed.",
        "APP_NOT_AUTHORIZED",
      );
    if (input.namespace && !input.namespace.startsWith("$app") && !NAMESPACE.test(input.namespace)) {
      return fail(
        "namespace",
        "Namespace must be 3 to 255 characters of letters, digits, hyphens and underscores.",
        input.namespace.length < 3 ? "TOO_SHORT" : "INVALID",
      );
    }
    if (!KEY.test(input.key)) {
      const code = input.key.length < 2 ? "TOO_SHORT" : input.key.length > 64 ? "TOO_LONG" : "INVALID";
      return fail("key", "Key must be 2 to 64 characters of letters, digits, hyphens and underscores.", code);
    }
    const existing = ctx.state.appMetafields.find((m) => m.namespace === namespace && m.key === input.key);
    // The emulator models no metafield definitions, so `type` is always required (schema: MetafieldsSetInput.type).
    const type = input.type;
    if (!type) return fail("type", "Type can't be blank.", "BLANK");
    const check = VALUE_CHECKS[type];
    if (!check)
      return fail(
        "type",
        `Type '${type}' is not a valid metafield type (or not one the emulator models).`,
        "INVALID_TYPE",
      );
    if (existing && input.type && existing.type !== input.type) {
      return fail(
        "type",
        `Type can't be changed from '${existing.type}' to '${input.type}'; delete the metafield first.`,
        "INVALID_TYPE",
      );
    }
    const bytes = Buffer.byteLength(input.value, "utf8");
    if (bytes > maxBytes(type)) {
      return fail(
        "value",
        `Value is too large: ${bytes} bytes, the maximum for type ${type} is ${maxBytes(type)} bytes.`,
        "TOO_LONG",
      );
    }
    const invalid = check(input.value);
    if (invalid) return fail("value", invalid, "INVALID_VALUE");
    if ("compareDigest" in input && input.compareDigest !== undefined) {
      const current = existing ? compareDigest(existing) : null;
      if (input.compareDigest !== current) {
        return fail(
          "compareDigest",
          "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
          "STALE_OBJECT",
        );
      }
    }
    writes.push({ existing, namespace, input, type });
  });
  if (errors.length > 0) return { metafields: null, userErrors: errors };

  const now = ctx.now().toISOString();
  const saved = writes.map(({ existing, namespace, input, type }) => {
    if (existing) {
      if (existing.value !== input.value) existing.updatedAt = now;
      existing.value = input.value;
      return existing;
    }
    const created: MetafieldRecord = {
      id: nextId(ctx.state, "Metafield"),
      namespace,
      key: input.key,
      type,
      value: input.value,
      createdAt: now,
      updatedAt: now,
    };
    ctx.state.appMetafields.push(created);
    return created;
  });
  ctx.changed();
  return { metafields: saved.map((m) => metafieldView(m, app)), userErrors: [] };
}

/** `metafieldsDelete`: missing metafields come back as null, as documented. */
export function metafieldsDelete(
  { metafields }: { metafields: { ownerId: string; namespace: string; key: string }[] },
  ctx: RequestContext,
) {
  const { app } = ctx.state;
  const deleted = metafields.map((input) => {
    const owner = parseGid(input.ownerId);
    if (owner?.type !== "AppInstallation") throw notModelled(`metafieldsDelete on ${owner?.type ?? input.ownerId}`);
    const namespace = resolveNamespace(input.namespace, app.id);
    const index =
      owner.id === app.installationId
        ? ctx.state.appMetafields.findIndex((m) => m.namespace === namespace && m.key === input.key)
        : -1;
    if (index === -1) return null;
    ctx.state.appMetafields.splice(index, 1);
    return { ownerId: input.ownerId, namespace, key: input.key };
  });
  if (deleted.some((d) => d !== null)) ctx.changed();
  return { deletedMetafields: deleted, userErrors: [] };
}
