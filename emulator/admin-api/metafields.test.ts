import { beforeEach, describe, expect, it } from "vitest";
import type { AdminApi } from "./index";
import { JSON_VALUE_MAX_BYTES, METAFIELDS_PER_CALL } from "./mutations/metafields";
import { data, testApi } from "./testing";

const SET = `mutation Publish($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) {
  metafields { id namespace key type value jsonValue compareDigest }
  userErrors { field message code elementIndex } } }`;

describe("app-data metafields", () => {
  let api: AdminApi;
  let ownerId: string;
  beforeEach(async () => {
    api = testApi();
    ownerId = (await data(api, `{ currentAppInstallation { id } }`)).currentAppInstallation.id;
  });
  const appId = () => api.state.app.id;

  it("stores metafields on the app installation and exposes them to Liquid under every spelling", async () => {
    const faq = JSON.stringify({ en: [{ q: "Where is my order?", a: "Look it up below." }] });
    const result = await data(api, SET, {
      metafields: [
        { ownerId, namespace: "$app:resolve", key: "faq", type: "json", value: faq },
        { ownerId, namespace: "resolve", key: "enabled", type: "boolean", value: "true" },
        { ownerId, key: "version", type: "number_integer", value: "3" },
      ],
    });
    expect(result.metafieldsSet.userErrors).toEqual([]);
    expect(
      result.metafieldsSet.metafields.map((m: { namespace: string; key: string; jsonValue: unknown }) => [
        m.namespace,
        m.key,
        m.jsonValue,
      ]),
    ).toEqual([
      [`app--${appId()}--resolve`, "faq", JSON.parse(faq)],
      ["resolve", "enabled", true],
      [`app--${appId()}`, "version", 3],
    ]);

    expect(api.appDataMetafields()).toEqual({
      [`app--${appId()}--resolve`]: { faq: { type: "json", value: faq } },
      "$app:resolve": { faq: { type: "json", value: faq } },
      resolve: { enabled: { type: "boolean", value: "true" } },
      [`app--${appId()}`]: { version: { type: "number_integer", value: "3" } },
      $app: { version: { type: "number_integer", value: "3" } },
    });

    const read = await data(
      api,
      `{ currentAppInstallation {
      faq: metafield(namespace: "$app:resolve", key: "faq") { value }
      all: metafields(first: 10) { nodes { namespace key } }
      mine: metafields(first: 10, namespace: "$app:resolve") { nodes { key } }
    } }`,
    );
    expect(read.currentAppInstallation.faq.value).toBe(faq);
    expect(read.currentAppInstallation.all.nodes).toHaveLength(3);
    expect(read.currentAppInstallation.mine.nodes).toEqual([{ key: "faq" }]);
  });

  it("updates in place and honours compareDigest", async () => {
    const first = await data(api, SET, {
      metafields: [{ ownerId, namespace: "$app:resolve", key: "branding", type: "json", value: "{}" }],
    });
    const digest = first.metafieldsSet.metafields[0].compareDigest;
    const second = await data(api, SET, {
      metafields: [
        {
          ownerId,
          namespace: "$app:resolve",
          key: "branding",
          type: "json",
          value: '{"color":"#000"}',
          compareDigest: digest,
        },
      ],
    });
    expect(second.metafieldsSet.metafields[0].id).toBe(first.metafieldsSet.metafields[0].id);
    const stale = await data(api, SET, {
      metafields: [
        { ownerId, namespace: "$app:resolve", key: "branding", type: "json", value: "{}", compareDigest: digest },
      ],
    });
    expect(stale.metafieldsSet.userErrors[0].code).toBe("STALE_OBJECT");
    expect(api.state.appMetafields[0]?.value).toBe('{"color":"#000"}');
  });

  it("rejects an oversize json value and stores nothing from that call", async () => {
    const big = JSON.stringify({ articles: "x".repeat(JSON_VALUE_MAX_BYTES) });
    const result = await data(api, SET, {
      metafields: [
        { ownerId, namespace: "$app:resolve", key: "policy", type: "single_line_text_field", value: "30-day returns" },
        { ownerId, namespace: "$app:resolve", key: "faq", type: "json", value: big },
      ],
    });
    expect(result.metafieldsSet.metafields).toBeNull();
    expect(result.metafieldsSet.userErrors).toEqual([
      {
        field: ["metafields", "1", "value"],
        message: expect.stringContaining(`maximum for type json is ${JSON_VALUE_MAX_BYTES} bytes`),
        code: "TOO_LONG",
        elementIndex: 1,
      },
    ]);
    expect(api.appDataMetafields()).toEqual({});
  });

  it("validates types, values, keys and the number of metafields per call", async () => {
    const one = (input: Record<string, unknown>) =>
      data(api, SET, { metafields: [{ ownerId, namespace: "$app:resolve", key: "k1", ...input }] });
    expect((await one({ type: "json", value: "{not json" })).metafieldsSet.userErrors[0]).toMatchObject({
      field: ["metafields", "0", "value"],
      code: "INVALID_VALUE",
    });
    expect((await one({ type: "number_integer", value: "1.5" })).metafieldsSet.userErrors[0].code).toBe(
      "INVALID_VALUE",
    );
    expect((await one({ type: "boolean", value: "yes" })).metafieldsSet.userErrors[0].code).toBe("INVALID_VALUE");
    expect((await one({ type: "single_line_text_field", value: "two\nlines" })).metafieldsSet.userErrors[0].code).toBe(
      "INVALID_VALUE",
    );
    expect((await one({ type: "multi_line_text_field", value: "two\nlines" })).metafieldsSet.userErrors).toEqual([]);
    expect((await one({ type: "sparkles", value: "x" })).metafieldsSet.userErrors[0].code).toBe("INVALID_TYPE");
    expect((await one({ value: "x" })).metafieldsSet.userErrors[0]).toMatchObject({
      field: ["metafields", "0", "type"],
      code: "BLANK",
    });
    expect((await one({ key: "k", type: "boolean", value: "true" })).metafieldsSet.userErrors[0]).toMatchObject({
      field: ["metafields", "0", "key"],
      code: "TOO_SHORT",
    });
    expect(
      (await one({ namespace: "app--1--other", type: "boolean", value: "true" })).metafieldsSet.userErrors[0].code,
    ).toBe("APP_NOT_AUTHORIZED");

    const tooMany = Array.from({ length: METAFIELDS_PER_CALL + 1 }, (_, i) => ({
      ownerId,
      namespace: "$app:resolve",
      key: `key${i}`,
      type: "boolean",
      value: "true",
    }));
    expect((await data(api, SET, { metafields: tooMany })).metafieldsSet.userErrors[0]).toMatchObject({
      field: ["metafields"],
      code: "LESS_THAN_OR_EQUAL_TO",
    });
  });

  it("deletes metafields, answering null for ones that do not exist", async () => {
    await data(api, SET, {
      metafields: [{ ownerId, namespace: "$app:resolve", key: "faq", type: "json", value: "[]" }],
    });
    const result = await data(
      api,
      `mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { namespace key } userErrors { message } } }`,
      {
        m: [
          { ownerId, namespace: "$app:resolve", key: "faq" },
          { ownerId, namespace: "$app:resolve", key: "nothing" },
        ],
      },
    );
    expect(result.metafieldsDelete).toEqual({
      deletedMetafields: [{ namespace: `app--${appId()}--resolve`, key: "faq" }, null],
      userErrors: [],
    });
    expect(api.appDataMetafields()).toEqual({});
  });
});
