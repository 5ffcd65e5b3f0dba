import { randomUUID } from "node:crypto";

import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { signAppProxyParams, signWebhookBody } from "../emulator/signing";
import prisma from "../app/db.server";
import { authenticateStorefront } from "../app/platform/storefront/authenticate-storefront.server";
import { loader as sessionLoader } from "../app/routes/proxy.session";
import { action as appUninstalled } from "../app/routes/webhooks.app.uninstalled";
import { sessionStorage } from "../app/shopify.server";
import { offlineSessionCache } from "../app/shopify/offline-session-cache.server";
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

describe("the shop's session behind app proxy requests", () => {
  const CACHED_SHOP = "proxy-cache-test.myshopify.com";
  const signed = () => proxied({ shop: CACHED_SHOP });

  beforeEach(async () => {
    await prisma.session.deleteMany({ where: { shop: CACHED_SHOP } });
    await prisma.session.create({
      data: {
        id: `offline_${CACHED_SHOP}`,
        shop: CACHED_SHOP,
        state: "",
        isOnline: false,
        accessToken: "shpat_first",
        scope: "read_orders",
      },
    });
    offlineSessionCache.forgetShop(CACHED_SHOP);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is read from the database once for a burst of requests, not once per request", async () => {
    const reads = vi.spyOn(PrismaSessionStorage.prototype, "loadSession");
    for (let request = 0; request < 5; request += 1) {
      expect((await status(signed())).status).toBe(200);
    }
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("is gone for the next request once the uninstall webhook was handled", async () => {
    expect((await status(signed())).status).toBe(200);
    const body = JSON.stringify({ id: 1, domain: CACHED_SHOP });
    const uninstalled = await appUninstalled({
      request: new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/webhooks/app/uninstalled`, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "x-shopify-topic": "app/uninstalled",
          "x-shopify-hmac-sha256": signWebhookBody(body, TEST_APP_ENV.SHOPIFY_API_SECRET),
          "x-shopify-shop-domain": CACHED_SHOP,
          "x-shopify-api-version": "2026-10",
          "x-shopify-webhook-id": randomUUID(),
        },
      }),
      params: {},
      context: {},
    });
    expect(uninstalled.status).toBe(200);
    expect(await status(signed())).toEqual({ status: 403, body: { error: "shop_not_installed" }, cache: "no-store" });
  });

  it("carries the access token the library stored last, at once", async () => {
    const first = await authenticateStorefront(signed());
    expect(first.session.accessToken).toBe("shpat_first");
    await sessionStorage.storeSession(new Session({ ...first.session.toObject(), accessToken: "shpat_second" }));
    expect((await authenticateStorefront(signed())).session.accessToken).toBe("shpat_second");
  });
});
