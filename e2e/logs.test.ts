import { randomUUID } from "node:crypto";
import fs from "node:fs";

import { afterEach, describe, expect, inject, it } from "vitest";

import { DEMO_API_KEY, DEMO_API_SECRET } from "../emulator/demo";
import { MERCHANT_BROWSER } from "../emulator/merchant-browser";
import { DEMO_STAFF_USER_ID, mintSessionToken } from "../emulator/session-token";
import { signAppProxyParams } from "../emulator/signing";

/**
 * What the production server prints, as an operator's log collector would keep it: the request lines are there,
 * and none of what identifies a shopper or authenticates a request — the signed-in customer's id and the proxy
 * signature (both in the app proxy's query string), the merchant's session token (`id_token` in the admin URL, the
 * `Authorization` bearer of the admin's fetches) — whether the request succeeds, is refused, or fails because
 * Shopify is down. The demo runs the app with the Shopify library at its Debug level (e2e/global-setup.ts), the most
 * it ever prints. The requests go straight to the app, as Shopify's app proxy and admin reach it.
 */

const demo = inject("demo");
// Emma, a seeded customer (emulator/admin-api/seed): the app proxy vouches for her with this id.
const CUSTOMER_ID = "7300000001";

/** What the server printed after `offset`, once `line` (a request line) is among it. */
async function printedSince(offset: number, line: RegExp): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const printed = fs.readFileSync(demo.appLogFile, "utf8").slice(offset);
    if (line.test(printed) || Date.now() > deadline) return printed;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function signedProxyUrl(path: string, customerId: string) {
  const params: Record<string, string> = {
    shop: demo.shop,
    logged_in_customer_id: customerId,
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, DEMO_API_SECRET);
  return { url: new URL(`/proxy${path}?${new URLSearchParams(params)}`, demo.appUrl), signature: params.signature };
}

const sessionToken = () => mintSessionToken({ shop: demo.shop, apiKey: DEMO_API_KEY, apiSecret: DEMO_API_SECRET });

function shopifyDown() {
  return fetch(`${demo.emulatorUrl}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: "server-error", status: 502, times: 1_000 }),
  });
}

afterEach(async () => {
  await fetch(`${demo.emulatorUrl}/_emulator/faults`, { method: "DELETE" });
});

describe("the production server's log", () => {
  it("keeps request lines but no customer id, proxy signature or session token, even when requests fail", async () => {
    const offset = fs.statSync(demo.appLogFile).size;
    const secrets: string[] = [];
    const answers: Record<string, number> = {};

    // A signed-in shopper's order list, answered.
    const orders = signedProxyUrl("/orders", CUSTOMER_ID);
    secrets.push(orders.signature);
    answers.orders = (await fetch(orders.url)).status;

    // A forged signature for the same customer: refused.
    const forged = signedProxyUrl("/orders", CUSTOMER_ID);
    forged.url.searchParams.set(
      "signature",
      forged.signature.replace(/^./, (c) => (c === "0" ? "1" : "0")),
    );
    secrets.push(forged.url.searchParams.get("signature")!);
    answers.forged = (await fetch(forged.url)).status;

    // The admin: the app's page with the session token in its URL, and a fetch with it as the bearer.
    const pageToken = await sessionToken();
    secrets.push(pageToken);
    const host = Buffer.from(`admin.shopify.com/store/${demo.shop.replace(".myshopify.com", "")}`).toString(
      "base64url",
    );
    const page = new URL("/app", demo.appUrl);
    page.search = new URLSearchParams({ embedded: "1", shop: demo.shop, host, id_token: pageToken }).toString();
    answers.adminPage = (await fetch(page, { headers: { "user-agent": MERCHANT_BROWSER } })).status;
    const bearer = await sessionToken();
    secrets.push(bearer);
    answers.preview = (
      await fetch(new URL("/app/markdown-preview", demo.appUrl), {
        method: "POST",
        headers: {
          authorization: `Bearer ${bearer}`,
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": MERCHANT_BROWSER,
        },
        body: new URLSearchParams({ markdown: "**Free returns**" }),
      })
    ).status;

    // Refused and unknown requests carrying the same kinds of secrets.
    const unknown = signedProxyUrl("/no-such-route", CUSTOMER_ID);
    secrets.push(unknown.signature);
    answers.unknownRoute = (await fetch(unknown.url)).status;
    const wrongMethod = signedProxyUrl("/orders", CUSTOMER_ID);
    secrets.push(wrongMethod.signature);
    answers.wrongMethod = (await fetch(wrongMethod.url, { method: "DELETE" })).status;
    const tampered = `${(await sessionToken()).slice(0, -4)}AAAA`;
    secrets.push(tampered);
    answers.tamperedBearer = (
      await fetch(new URL("/app/markdown-preview", demo.appUrl), {
        method: "POST",
        headers: {
          authorization: `Bearer ${tampered}`,
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": MERCHANT_BROWSER,
        },
        body: new URLSearchParams({ markdown: "x" }),
      })
    ).status;
    const tamperedPage = new URL(page);
    tamperedPage.searchParams.set("id_token", tampered);
    answers.tamperedPage = (await fetch(tamperedPage, { headers: { "user-agent": MERCHANT_BROWSER } })).status;
    const postedPage = new URL(page);
    const postedToken = await sessionToken();
    secrets.push(postedToken);
    postedPage.searchParams.set("id_token", postedToken);
    answers.postToPage = (
      await fetch(postedPage, { method: "POST", headers: { "user-agent": MERCHANT_BROWSER } })
    ).status;

    // Shopify down: the same requests now make the app log what went wrong.
    await shopifyDown();
    const failingOrders = signedProxyUrl("/orders", CUSTOMER_ID);
    secrets.push(failingOrders.signature);
    answers.ordersWhileDown = (await fetch(failingOrders.url)).status;
    const contact = signedProxyUrl("/contact", CUSTOMER_ID);
    secrets.push(contact.signature);
    answers.contactWhileDown = (
      await fetch(contact.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          submissionKey: randomUUID(),
          name: "Emma Johnson",
          email: "emma.johnson@example.com",
          message: "Where is my parcel?",
          orderNumber: "#1001",
        }),
      })
    ).status;
    const homeToken = await sessionToken();
    secrets.push(homeToken);
    const homeWhileDown = (
      await fetch(new URL("/app.data", demo.appUrl), {
        headers: { authorization: `Bearer ${homeToken}`, "user-agent": MERCHANT_BROWSER },
      })
    ).status;

    const printed = await printedSince(offset, /GET \/app\.data \d{3}/);
    expect(answers).toEqual({
      orders: 200,
      forged: 401,
      adminPage: 200,
      preview: 200,
      unknownRoute: 404,
      wrongMethod: 405,
      tamperedBearer: 401,
      // The library answers a token it cannot validate with its bounce page, which fetches a fresh one.
      tamperedPage: 200,
      postToPage: 405,
      ordersWhileDown: 503,
      contactWhileDown: 201,
    });
    // The failures were logged (by shop and kind), so the log is worth reading at all.
    expect(printed).toContain(`${demo.shop}: Shopify unavailable`);
    for (const secret of secrets) {
      expect(printed).not.toContain(secret);
      // A JWT's signature part alone is enough to recognise (and, before it expires, to replay) the token.
      for (const part of secret.split(".")) if (part.length > 20) expect(printed).not.toContain(part);
    }
    expect(printed).not.toContain(CUSTOMER_ID);
    // The staff member a session token names (its subject), which the library prints at Debug.
    expect(printed).not.toContain(DEMO_STAFF_USER_ID);
    expect(printed).not.toMatch(/logged_in_customer_id|signature=|id_token|Bearer /i);
    // Errors are logged by kind, message and place, never dumped whole with the data a response carried.
    expect(printed).toContain('Error: No route matches URL "/proxy/no-such-route"');
    expect(printed).not.toContain("ErrorResponseImpl");
    for (const line of [
      /^GET \/proxy\/orders 200 /m,
      /^GET \/proxy\/orders 401 /m,
      /^GET \/proxy\/orders 503 /m,
      /^POST \/proxy\/contact 201 /m,
      /^POST \/app\/markdown-preview 200 /m,
      /^GET \/app 200 /m,
      // Home's figures need Shopify: whatever it answers, the request is in the log.
      new RegExp(`^GET /app\\.data ${homeWhileDown} `, "m"),
    ]) {
      expect(printed).toMatch(line);
    }
  });
});
