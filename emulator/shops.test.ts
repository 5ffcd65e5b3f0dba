import http from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mintSessionToken } from "./session-token";
import { startEmulator, type Emulator } from "./server";
import { signAppProxyParams } from "./signing";

const API_KEY = "shops-test-key";
const API_SECRET = "shops-test-secret";
const OTHER = "northwind-outfitters.myshopify.com";

/** A request with the Host a browser sends for another shop's storefront (fetch cannot set Host). */
function request(
  emulator: Emulator,
  init: { path: string; host?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(init.path, emulator.url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? "GET",
        headers: { ...init.headers, host: init.host ?? url.host },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

async function exchangeToken(emulator: Emulator, shop: string) {
  const answer = await request(emulator, {
    path: "/admin/oauth/access_token",
    method: "POST",
    headers: { "content-type": "application/json", "x-emulator-shop": shop },
    body: JSON.stringify({
      client_id: API_KEY,
      client_secret: API_SECRET,
      subject_token: await mintSessionToken({ shop, apiKey: API_KEY, apiSecret: API_SECRET }),
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  return { status: answer.status, token: (JSON.parse(answer.body) as { access_token?: string }).access_token };
}

function graphql(emulator: Emulator, shop: string, token: string, query: string) {
  return request(emulator, {
    path: "/admin/api/2026-10/graphql.json",
    method: "POST",
    headers: { "content-type": "application/json", "x-emulator-shop": shop, "x-shopify-access-token": token },
    body: JSON.stringify({ query }),
  });
}

describe("an emulator hosting several shops", () => {
  let emulator: Emulator;
  let app: http.Server;
  const proxied: URLSearchParams[] = [];

  beforeAll(async () => {
    // Stands for the app behind the app proxy: records what the emulator signed.
    app = http.createServer((incoming, response) => {
      proxied.push(new URL(incoming.url ?? "/", "http://app").searchParams);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const address = app.address() as { port: number };
    emulator = await startEmulator({
      appUrl: `http://127.0.0.1:${address.port}`,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      scopes: "read_orders",
    });
    const added = await fetch(`${emulator.url}/_emulator/shops`, {
      method: "POST",
      body: JSON.stringify({ shop: OTHER, name: "Northwind Outfitters" }),
    });
    expect(added.status).toBe(200);
  });
  afterAll(async () => {
    await emulator.close();
    await new Promise((resolve) => app.close(resolve));
  });

  it("gives each shop its own orders and customers: other ids, other emails, the same order numbers", () => {
    const demo = emulator.adminApi.state;
    const other = emulator.hostedShop(OTHER)!.adminApi.state;
    expect(other.shop.myshopifyDomain).toBe(OTHER);
    expect(other.orders.map((order) => order.name)).toEqual(demo.orders.map((order) => order.name));
    const demoIds = new Set([...demo.orders, ...demo.customers].map((record) => record.id));
    expect([...other.orders, ...other.customers].filter((record) => demoIds.has(record.id))).toEqual([]);
    const demoEmails = new Set(demo.orders.map((order) => order.email));
    expect(other.orders.filter((order) => demoEmails.has(order.email))).toEqual([]);
    expect(other.app.id).toBe(demo.app.id);
  });

  it("answers each shop's Admin API with its own token only, and a token for one shop gets Shopify's 401 from the other", async () => {
    const demoToken = await exchangeToken(emulator, emulator.shop);
    const otherToken = await exchangeToken(emulator, OTHER);
    expect([demoToken.status, otherToken.status]).toEqual([200, 200]);
    expect(otherToken.token).not.toBe(demoToken.token);

    const own = await graphql(emulator, OTHER, otherToken.token!, "{ shop { myshopifyDomain } }");
    expect(JSON.parse(own.body).data.shop.myshopifyDomain).toBe(OTHER);
    const crossed = await graphql(emulator, OTHER, demoToken.token!, "{ shop { myshopifyDomain } }");
    expect(crossed.status).toBe(401);
    expect(JSON.parse(crossed.body)).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
    const reverse = await graphql(emulator, emulator.shop, otherToken.token!, "{ shop { myshopifyDomain } }");
    expect(reverse.status).toBe(401);
  });

  it("refuses a session token minted for one shop in the other's token exchange, and knows no unknown shop", async () => {
    const answer = await request(emulator, {
      path: "/admin/oauth/access_token",
      method: "POST",
      headers: { "content-type": "application/json", "x-emulator-shop": OTHER },
      body: JSON.stringify({
        client_id: API_KEY,
        client_secret: API_SECRET,
        subject_token: await mintSessionToken({ shop: emulator.shop, apiKey: API_KEY, apiSecret: API_SECRET }),
      }),
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toBe("invalid_subject_token");
    const unknown = await request(emulator, {
      path: "/admin/api/2026-10/graphql.json",
      method: "POST",
      headers: { "x-emulator-shop": "nobody.myshopify.com" },
      body: "{}",
    });
    expect(unknown.status).toBe(404);
  });

  it("signs app proxy requests for the shop whose storefront they come from", async () => {
    proxied.length = 0;
    const port = new URL(emulator.url).port;
    await request(emulator, { path: "/apps/resolve/session", host: `northwind-outfitters.localhost:${port}` });
    await request(emulator, { path: "/apps/resolve/session" });
    expect(proxied.map((params) => params.get("shop"))).toEqual([OTHER, emulator.shop]);
    for (const params of proxied) {
      const { signature, ...rest } = Object.fromEntries(params);
      expect(signature).toBe(signAppProxyParams(rest, API_SECRET));
    }
  });

  it("shows each shop's own storefront, and refuses a shop domain that is not one", async () => {
    const port = new URL(emulator.url).port;
    const page = await request(emulator, { path: "/pages/help", host: `northwind-outfitters.localhost:${port}` });
    expect(page.body).toContain("Northwind Outfitters");
    expect(page.body).not.toContain("Resolve Demo Store");
    const bad = await fetch(`${emulator.url}/_emulator/shops`, {
      method: "POST",
      body: JSON.stringify({ shop: "https://evil.example" }),
    });
    expect(bad.status).toBe(400);
  });
});
