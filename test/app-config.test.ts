import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { webhookUris } from "../emulator/server";

const toml = fs.readFileSync("shopify.app.toml", "utf8");
const routeFiles = fs.readdirSync("app/routes");

describe("shopify.app.toml", () => {
  const uris = webhookUris(toml);

  it("subscribes to the lifecycle and all three compliance topics", () => {
    expect([...uris.keys()].sort()).toEqual(
      expect.arrayContaining([
        "app/scopes_update",
        "app/uninstalled",
        "customers/data_request",
        "customers/redact",
        "shop/redact",
      ]),
    );
  });

  it("sends every subscribed topic to a route file that exists, named in its `# Handled by:` comment", () => {
    for (const [topic, uri] of uris) {
      const file = `${uri.slice(1).replace(/\//g, ".")}.tsx`;
      expect(routeFiles, `route for ${topic}`).toContain(file);
      expect(toml).toContain(`# Handled by: app/routes/${file}`);
    }
  });

  it("has no webhook route that Shopify is never told about", () => {
    const subscribed = new Set([...uris.values()].map((uri) => `${uri.slice(1).replace(/\//g, ".")}.tsx`));
    for (const file of routeFiles.filter((name) => name.startsWith("webhooks."))) expect(subscribed).toContain(file);
  });

  it("declares the app proxy the storefront block calls", () => {
    expect(toml).toMatch(/\[app_proxy\][\s\S]*prefix = "apps"[\s\S]*subpath = "resolve"/);
  });
});
