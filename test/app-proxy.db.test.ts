import { beforeAll, describe, expect, it } from "vitest";

import { signAppProxyParams } from "../emulator/signing";
import prisma from "../app/db.server";
import { loader as sessionLoader } from "../app/routes/proxy.session";
import { TEST_APP_ENV } from "./app-env";

const SHOP = "proxy-test.myshopify.com";

/** A storefront request as Shopify's app proxy forwards it, signed with the app secret unless told otherwise. */
function proxied(
  init: { customerId?: string; ageSeconds?: number; secret?: string; sign?: boolean; shop?: string } = {},
) {
  const params: Record<string, string> = {
    shop: init.shop ?? SHOP,
    logged_in_customer_id: init.customerId ?? "",
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000) - (init.ageSeconds ?? 0)),
  };
  if (init.sign !== false)
    params.signature = signAppProxyParams(params, init.secret ?? TEST_APP_ENV.SHOPIFY_API_SECRET);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy/session?${new URLSearchParams(params)}`);
}

async function status(request: Request) {
  let response: Response;
  try {
    response = await sessionLoader({ request, params: {}, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { status: response.status, body: await response.json(), cache: response.headers.get("cache-control") };
}

beforeAll(async () => {
  // The shop has installed Resolve: it holds an offline session.
  await prisma.session.upsert({
    where: { id: `offline_${SHOP}` },
    create: {
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "",
      isOnline: false,
      accessToken: "shpat_test",
      scope: "read_orders",
    },
    update: {},
  });
});

describe("app proxy requests", () => {
  it("accept Shopify's signature and tell a signed-in shopper from a guest, uncached", async () => {
    expect(await status(proxied({ customerId: "7001" }))).toEqual({
      status: 200,
      body: { signedIn: true },
      cache: "no-store",
    });
    expect((await status(proxied())).body).toEqual({ signedIn: false });
  });

  it("reject a bad, a missing and a stale signature with an error the block can translate", async () => {
    const rejected = { status: 401, body: { error: "invalid_request_signature" }, cache: "no-store" };
    expect(await status(proxied({ secret: "someone-elses-secret" }))).toEqual(rejected);
    expect(await status(proxied({ sign: false }))).toEqual(rejected);
    expect(await status(proxied({ ageSeconds: 600 }))).toEqual(rejected);
  });

  it("answer no shop that has not installed Resolve, even with a valid signature", async () => {
    expect(await status(proxied({ shop: "not-installed.myshopify.com" }))).toEqual({
      status: 403,
      body: { error: "shop_not_installed" },
      cache: "no-store",
    });
  });

  it("answer a signed request for a shop that is not a Shopify shop domain with a 4xx the block can translate", async () => {
    for (const shop of ["evil.example.com", "not a shop", ""]) {
      expect(await status(proxied({ shop })), shop).toEqual({
        status: 400,
        body: { error: "invalid_shop" },
        cache: "no-store",
      });
    }
  });

  it("reject a request whose signed parameters were changed after signing", async () => {
    const request = proxied({ customerId: "7001" });
    const tampered = new URL(request.url);
    tampered.searchParams.set("logged_in_customer_id", "7002");
    expect((await status(new Request(tampered))).status).toBe(401);
  });
});
