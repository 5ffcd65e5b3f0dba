import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { data, testApi, type Json } from "./testing";

const SET = `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }`;

describe("emulator state", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), "admin-api-"));
    dirs.push(dir);
    return join(dir, "state.json");
  };

  it("reset() restores the seed", async () => {
    const api = testApi();
    const seeded = JSON.stringify(api.state);
    const ownerId = (await data(api, `{ currentAppInstallation { id } }`)).currentAppInstallation.id;
    await data(api, SET, { m: [{ ownerId, key: "flag", type: "boolean", value: "true" }] });
    api.setThemeFile("MAIN", "templates/page.help.json", "{}");
    expect(JSON.stringify(api.state)).not.toBe(seeded);
    api.reset();
    expect(JSON.stringify(api.state)).toBe(seeded);
  });

  it("saves changes to the state file and loads them after a restart", async () => {
    const stateFile = tempFile();
    const first = testApi({ stateFile });
    const ownerId = (await data(first, `{ currentAppInstallation { id } }`)).currentAppInstallation.id;
    await data(first, SET, { m: [{ ownerId, namespace: "$app:resolve", key: "faq", type: "json", value: '{"n":1}' }] });
    expect(JSON.parse(readFileSync(stateFile, "utf8")).appMetafields).toHaveLength(1);

    const restarted = testApi({ stateFile });
    expect(restarted.appDataMetafields()["$app:resolve"]).toEqual({ faq: { type: "json", value: '{"n":1}' } });
    const read = await data(
      restarted,
      `{ currentAppInstallation { metafield(namespace: "$app:resolve", key: "faq") { jsonValue } } }`,
    );
    expect(read.currentAppInstallation.metafield.jsonValue).toEqual({ n: 1 });

    // New objects after a restart get fresh ids.
    const before = restarted.state.nextIds.Metafield;
    await data(restarted, SET, {
      m: [{ ownerId, namespace: "$app:resolve", key: "branding", type: "json", value: "{}" }],
    });
    expect(restarted.state.appMetafields.map((m) => m.id)).toEqual([before! - 1, before]);
  });

  it("serves theme files, and setThemeFile changes what the main theme holds", async () => {
    const api = testApi();
    const FILES = `{ themes(first: 1, roles: [MAIN]) { nodes { id name role
      files(filenames: ["config/settings_data.json", "templates/page.help.json", "templates/missing.json"], first: 5) {
        nodes { filename body { ... on OnlineStoreThemeFileBodyText { content } } } userErrors { code filename } } } } }`;
    const theme = (await data(api, FILES)).themes.nodes[0];
    expect(theme).toMatchObject({ name: "Dawn", role: "MAIN" });
    expect(theme.files.userErrors).toEqual([{ code: "NOT_FOUND", filename: "templates/missing.json" }]);
    const settings = theme.files.nodes.find((f: Json) => f.filename === "config/settings_data.json").body
      .content as string;
    expect(settings).toMatch(/^\/\*/); // Shopify's generated-file comment header
    expect(settings).not.toMatch(/shopify:\/\/apps\/resolve/);

    const withEmbed = settings.replace(
      '"blocks": {}',
      '"blocks": { "resolve-embed": { "type": "shopify://apps/resolve/blocks/help-embed/0000", "disabled": false, "settings": {} } }',
    );
    api.setThemeFile("MAIN", "config/settings_data.json", withEmbed);
    const updated = (await data(api, FILES)).themes.nodes[0];
    expect(updated.files.nodes.find((f: Json) => f.filename === "config/settings_data.json").body.content).toContain(
      "shopify://apps/resolve/blocks/help-embed",
    );
    const unpublished = await data(
      api,
      `{ themes(first: 5, roles: [UNPUBLISHED]) { nodes { files(filenames: ["config/settings_data.json"]) { nodes { body { ... on OnlineStoreThemeFileBodyText { content } } } } } } }`,
    );
    expect(unpublished.themes.nodes[0].files.nodes[0].body.content).not.toContain("resolve");
  });
});
