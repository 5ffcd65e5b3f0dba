import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";

import { useBrowserSession } from "./browser-session";

/**
 * The storefront order API as the block calls it: from the shop's help page, through the emulator's app proxy
 * (real signature, `logged_in_customer_id` from the signed-in shopper), to the app built for production.
 * Guest lookups here stay few: every browser request reaches the app from the same address, and the per-IP
 * limit (10 per 10 minutes) is shared with the rest of the browser suite.
 */

const demo = inject("demo");
const session = useBrowserSession();
beforeEach(async () => {
  await session.page.goto(demo.storefrontUrl);
});
afterEach(async () => {
  await fetch(`${demo.emulatorUrl}/_emulator/faults`, { method: "DELETE" });
  // The browser reports every 4xx/5xx answer as a failed load; those are the answers under test here.
  const expectedAnswers =
    /\/apps\/resolve\/.*Failed to load resource: the server responded with a status of (401|403|404|503)/;
  expect(session.consoleErrors.filter((error) => !expectedAnswers.test(error))).toEqual([]);
});

interface ProxyAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
  cacheControl: string | null;
}

/** A request from the storefront page to the app proxy, as the block's script makes it. */
function fromStorefront(path: string, body?: unknown): Promise<ProxyAnswer> {
  return session.page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: body === undefined ? "GET" : "POST",
        headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        text: await response.text(),
        retryAfter: response.headers.get("retry-after"),
        cacheControl: response.headers.get("cache-control"),
      };
    },
    { path, body },
  );
}

async function signInAs(name: string) {
  const shopper = session.page.getByLabel("Browsing as", { exact: true });
  const value = await shopper.locator("option", { hasText: name }).getAttribute("value");
  await shopper.selectOption(value!);
  await session.page.getByRole("button", { name: "Apply" }).click();
  await session.page.waitForLoadState();
}

describe("order tracking from the storefront", () => {
  it("lets a guest track an order with its number and email, and answers a mismatch like an unknown order", async () => {
    const found = await fromStorefront("/apps/resolve/lookup", {
      orderNumber: "#1011",
      email: "alex.kim@example.net",
      returnTo: "/pages/help",
    });
    expect(found.status).toBe(200);
    expect(found.cacheControl).toBe("no-store");
    const { order, returnsRequireSignIn, signInUrl } = JSON.parse(found.text);
    expect(order).toMatchObject({ name: "#1011", status: "in_transit", email: "a***@example.net" });
    expect(order.shipments[0].tracking[0]).toMatchObject({ carrier: "FedEx", url: expect.stringMatching(/^https:/) });
    expect(returnsRequireSignIn).toBe(true);
    expect(signInUrl).toBe("/account/login?return_url=%2Fpages%2Fhelp");
    expect(found.text).not.toMatch(/455 Market St|80202|alex\.kim/);

    // The sign-in link works and brings the shopper back to the help session.page.
    await session.page.goto(new URL(signInUrl, demo.storefrontUrl).toString());
    await session.page.getByRole("button", { name: "Sign in" }).click();
    await session.page.waitForLoadState();
    expect(new URL(session.page.url()).pathname).toBe("/pages/help");

    await signInAs("Guest");
    const wrongEmail = await fromStorefront("/apps/resolve/lookup", { orderNumber: "1011", email: "x@example.net" });
    const unknown = await fromStorefront("/apps/resolve/lookup", { orderNumber: "98765", email: "x@example.net" });
    expect(wrongEmail.status).toBe(404);
    expect(wrongEmail.text).toBe(JSON.stringify({ error: "order_not_found" }));
    expect(unknown).toEqual(wrongEmail);
  });

  it("shows a signed-in shopper their own orders and none of anyone else's", async () => {
    await signInAs("Emma Johnson");
    const list = await fromStorefront("/apps/resolve/orders");
    expect(list.status).toBe(200);
    const names = JSON.parse(list.text).orders.map((o: { name: string }) => o.name);
    expect(names).toContain("#1035");
    expect(names).not.toContain("#1016");

    const own = await fromStorefront("/apps/resolve/orders/1035");
    expect(own.status).toBe(200);
    expect(JSON.parse(own.text).order.shipments[0].timeline.length).toBeGreaterThan(0);

    const someoneElses = await fromStorefront("/apps/resolve/orders/1016");
    const missing = await fromStorefront("/apps/resolve/orders/99999");
    expect(someoneElses.status).toBe(404);
    expect(someoneElses).toEqual(missing);
  });

  it("asks a guest to sign in for the order list", async () => {
    const list = await fromStorefront("/apps/resolve/orders?returnTo=%2Fpages%2Fhelp");
    expect(list.status).toBe(401);
    expect(JSON.parse(list.text)).toEqual({
      error: "sign_in_required",
      signInUrl: "/account/login?return_url=%2Fpages%2Fhelp",
    });
  });

  it("answers 503 with Retry-After when Shopify stays throttled, and recovers", async () => {
    await signInAs("Emma Johnson");
    await fetch(`${demo.emulatorUrl}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ kind: "throttled", times: 3 }),
    });
    const unavailable = await fromStorefront("/apps/resolve/orders");
    expect(unavailable.status).toBe(503);
    expect(JSON.parse(unavailable.text)).toEqual({ error: "shopify_unavailable" });
    expect(Number(unavailable.retryAfter)).toBeGreaterThan(0);
    expect((await fromStorefront("/apps/resolve/orders")).status).toBe(200);
  });

  it("rejects requests whose app-proxy signature is bad, stale, missing or for another shop", async () => {
    await signInAs("Emma Johnson");
    for (const kind of ["bad-signature", "stale-timestamp", "missing-signature", "foreign-shop"]) {
      await fetch(`${demo.emulatorUrl}/_emulator/proxy-faults`, { method: "POST", body: JSON.stringify({ kind }) });
      const answer = await fromStorefront("/apps/resolve/orders/1035");
      expect(answer.status, kind).toBe(kind === "foreign-shop" ? 403 : 401);
      expect(JSON.parse(answer.text).error, kind).toMatch(/^(invalid_request_signature|shop_not_installed)$/);
    }
  });
});
