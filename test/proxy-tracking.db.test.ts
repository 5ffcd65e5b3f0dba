import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { signAppProxyParams } from "../emulator/signing";
import { TEST_APP_ENV } from "./app-env";
import { startEmulatorHarness } from "./emulator-harness";

/**
 * The storefront order API end to end: requests signed as Shopify's app proxy signs them, the real
 * `authenticate.public.appProxy`, the real Shopify library calling the local emulator's Admin API (validated
 * against the 2026-10 schema, seeded demo shop), and rate-limit counters in the test database (SQLite and
 * PostgreSQL).
 */

// The emulator must be listening, and the library's fetch routed to it, before the Shopify library is first imported.
const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../app/db.server");
const { configureGuestLookup } = await import("../app/features/orders/guest-order-lookup.server");
const ordersRoute = await import("../app/routes/proxy.orders._index");
const orderRoute = await import("../app/routes/proxy.orders.$orderRef");
const lookupRoute = await import("../app/routes/proxy.lookup");

const SHOP = emulator.shop;
const state = emulator.adminApi.state;
const customerNamed = (email: string) => state.customers.find((customer) => customer.email === email)!;
const orderNamed = (name: string) => state.orders.find((order) => order.name === name)!;
const EMMA = customerNamed("emma.johnson@example.com");
const NOAH = customerNamed("noah.brown@example.com");

interface Proxied {
  customerId?: number | string;
  method?: "GET" | "POST";
  body?: unknown;
  form?: Record<string, string>;
  ip?: string;
  shop?: string;
  secret?: string;
  sign?: boolean;
  ageSeconds?: number;
  query?: Record<string, string>;
}

/** A storefront request as Shopify's app proxy forwards it to the app. */
function proxied(path: string, init: Proxied = {}) {
  const params: Record<string, string> = {
    ...init.query,
    shop: init.shop ?? SHOP,
    logged_in_customer_id: init.customerId === undefined ? "" : String(init.customerId),
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000) - (init.ageSeconds ?? 0)),
  };
  if (init.sign !== false)
    params.signature = signAppProxyParams(params, init.secret ?? TEST_APP_ENV.SHOPIFY_API_SECRET);
  const headers: Record<string, string> = { "x-forwarded-for": init.ip ?? "203.0.113.10" };
  let body: string | undefined;
  if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  } else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy${path}?${new URLSearchParams(params)}`, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
}

interface Answer {
  status: number;
  text: string;
  // Responses are read as loose JSON; the assertions check their shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string>;
  ms: number;
}

async function answer(run: () => Promise<Response>): Promise<Answer> {
  const started = performance.now();
  const response = await run();
  const ms = performance.now() - started;
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return { status: response.status, text, body: JSON.parse(text), headers, ms };
}

const context = {};
const orders = (init?: Proxied) =>
  answer(() => ordersRoute.loader({ request: proxied("/orders", init), params: {}, context }));
const order = (ref: string, init?: Proxied) =>
  answer(() =>
    orderRoute.loader({
      request: proxied(`/orders/${encodeURIComponent(ref)}`, init),
      params: { orderRef: ref },
      context,
    }),
  );
const lookup = (body: Record<string, unknown>, init?: Proxied) =>
  answer(() => lookupRoute.action({ request: proxied("/lookup", { body, ...init }), params: {}, context }));

const guest = { orderNumber: "1011", email: "alex.kim@example.net" };

/** Every response body this file receives, to scan for personal data at the end. */
const seen: string[] = [];
const remember = <T extends Answer>(result: T) => (seen.push(result.text), result);

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  await prisma.rateLimiterFlexible.deleteMany({});
  configureGuestLookup({
    limits: {
      perIp: { points: 10, durationSeconds: 600 },
      perOrder: { points: 5, durationSeconds: 900 },
      perEmail: { points: 5, durationSeconds: 900 },
    },
    minFailureMs: 150,
  });
  emulator.adminApi.clearFaults();
});

describe("a signed-in shopper's orders", () => {
  it("lists that customer's recent orders only, newest first, with minimal data, uncached", async () => {
    const result = remember(await orders({ customerId: EMMA.id }));
    expect(result.status).toBe(200);
    expect(result.headers["cache-control"]).toBe("no-store");
    const expected = state.orders
      .filter((o) => o.customerId === EMMA.id)
      .sort((a, b) => b.processedAt.localeCompare(a.processedAt))
      .map((o) => o.name);
    expect(result.body.orders.map((o: { name: string }) => o.name)).toEqual(expected);
    expect(result.body.moreOrders).toBe(false);
    for (const summary of result.body.orders) {
      expect(Object.keys(summary).sort()).toEqual(["id", "itemCount", "name", "processedAt", "status", "total"]);
      expect(summary.total).toEqual({ amount: expect.stringMatching(/^\d+(\.\d+)?$/), currencyCode: "USD" });
      expect(new Date(summary.processedAt).toISOString()).toBe(summary.processedAt.replace(/Z$/, ".000Z"));
    }
    const byName = Object.fromEntries(result.body.orders.map((o: { name: string }) => [o.name, o]));
    expect(byName["#1035"]).toMatchObject({ status: "in_transit", itemCount: 3 });
    expect(byName["#1043"]).toMatchObject({ status: "unfulfilled" });
    expect(byName["#1026"]).toMatchObject({ status: "cancelled" });
    expect(byName["#1009"]).toMatchObject({ status: "delivered", itemCount: 6 });
  });

  it("tells a guest to sign in, with a link back to the portal", async () => {
    const result = remember(await orders({ query: { returnTo: "/pages/help" } }));
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      error: "sign_in_required",
      signInUrl: "/account/login?return_url=%2Fpages%2Fhelp",
    });
  });

  it("opens one of their orders by number or by id, with its tracking", async () => {
    const byNumber = remember(await order("1035", { customerId: EMMA.id }));
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.order).toMatchObject({ name: "#1035", status: "in_transit", firstName: "Emma" });
    expect(byNumber.body.order.id).toBe(`gid://shopify/Order/${orderNamed("#1035").id}`);
    expect(byNumber.body.returnsRequireSignIn).toBe(false);
    const byId = remember(await order(byNumber.body.order.id, { customerId: EMMA.id }));
    expect(byId.text).toBe(byNumber.text);
    expect(remember(await order("#1035", { customerId: EMMA.id })).text).toBe(byNumber.text);
  });

  it("cannot read another customer's order, by number or by id: it answers exactly like a missing order", async () => {
    const noahs = orderNamed("#1016");
    expect(noahs.customerId).toBe(NOAH.id);
    const missing = remember(await order("9999", { customerId: EMMA.id }));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "order_not_found" });
    for (const ref of ["1016", "#1016", `gid://shopify/Order/${noahs.id}`, "gid://shopify/Order/5899999999"]) {
      const attempt = remember(await order(ref, { customerId: EMMA.id }));
      expect({ status: attempt.status, text: attempt.text }, ref).toEqual({ status: 404, text: missing.text });
      expect(attempt.headers, ref).toEqual(missing.headers);
    }
    // Noah himself can.
    expect((await order("1016", { customerId: NOAH.id })).status).toBe(200);
  });

  it("asks a guest to sign in before showing an order by number", async () => {
    expect((await order("1035")).body).toEqual({ error: "sign_in_required" });
  });
});

describe("tracking", () => {
  it("shows an in-transit parcel with carrier, tracking number and link, estimated delivery and timeline", async () => {
    const result = remember(await order("1035", { customerId: EMMA.id }));
    const fulfillment = orderNamed("#1035").fulfillments[0]!;
    const [shipment] = result.body.order.shipments;
    expect(shipment).toMatchObject({
      status: "in_transit",
      stage: "in_transit",
      problem: null,
      tracking: [{ carrier: "FedEx", number: fulfillment.tracking[0]!.number, url: fulfillment.tracking[0]!.url }],
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
      deliveredAt: null,
    });
    expect(shipment.tracking[0].url).toMatch(/^https:\/\/www\.fedex\.com\//);
    expect(shipment.timeline.length).toBeGreaterThanOrEqual(2);
    const times = shipment.timeline.map((entry: { happenedAt: string }) => entry.happenedAt);
    expect(times).toEqual([...times].sort());
    expect(shipment.timeline.at(-1)).toMatchObject({ status: "in_transit" });
    expect(shipment.lines).toEqual([
      { lineId: expect.stringMatching(/^gid:\/\/shopify\/LineItem\//), title: expect.any(String), quantity: 3 },
    ]);
  });

  it("flags lines that have not shipped, next to those that have", async () => {
    // #1015: the hoodie shipped, the trail runners wait.
    const partial = remember(await order("1015", { customerId: orderNamed("#1015").customerId! }));
    expect(partial.body.order.status).toBe("partially_fulfilled");
    expect(
      partial.body.order.lines.map((line: Record<string, unknown>) => [
        line.status,
        line.fulfilledQuantity,
        line.unfulfilledQuantity,
      ]),
    ).toEqual([
      ["fulfilled", 1, 0],
      ["unfulfilled", 0, 1],
    ]);
    // #1016: two tees, one in each of two parcels, and a belt not shipped yet.
    const twoParcels = remember(await order("1016", { customerId: NOAH.id }));
    expect(twoParcels.body.order.shipments.map((s: { stage: string }) => s.stage)).toEqual(["delivered", "in_transit"]);
    expect(twoParcels.body.order.lines[0]).toMatchObject({ quantity: 2, fulfilledQuantity: 2, status: "fulfilled" });
    expect(twoParcels.body.order.lines[2]).toMatchObject({ status: "unfulfilled", unfulfilledQuantity: 1 });
    // #1013: nothing shipped at all.
    const waiting = remember(await order("1013", { customerId: orderNamed("#1013").customerId! }));
    expect(waiting.body.order.status).toBe("unfulfilled");
    expect(waiting.body.order.shipments).toEqual([]);
    expect(waiting.body.order.lines.every((line: { status: string }) => line.status === "unfulfilled")).toBe(true);
  });

  it("says what went wrong with a delayed parcel or a missed delivery", async () => {
    const delayed = remember(await order("1031", { customerId: orderNamed("#1031").customerId! }));
    expect(delayed.body.order.status).toBe("delayed");
    expect(delayed.body.order.shipments[0]).toMatchObject({ stage: "in_transit", problem: "delayed" });
    const attempted = remember(await order("1042", { customerId: orderNamed("#1042").customerId! }));
    expect(attempted.body.order.shipments[0]).toMatchObject({
      stage: "out_for_delivery",
      problem: "attempted_delivery",
    });
  });
});

describe("guest lookup with order number and email", () => {
  it("shows the tracking, masks personal data, and asks the guest to sign in for returns", async () => {
    const result = remember(
      await lookup({ orderNumber: "#1011", email: "  Alex.Kim@Example.NET ", returnTo: "/pages/help" }),
    );
    expect(result.status).toBe(200);
    expect(result.headers["cache-control"]).toBe("no-store");
    expect(result.body).toMatchObject({
      returnsRequireSignIn: true,
      signInUrl: "/account/login?return_url=%2Fpages%2Fhelp",
      order: { name: "#1011", status: "in_transit", email: "a***@example.net" },
    });
    expect(result.body.order).not.toHaveProperty("id");
    expect(result.body.order.shipments[0].tracking[0]).toMatchObject({ carrier: "FedEx" });
    expect(result.text).not.toContain("alex.kim");
  });

  it("finds the order when its number is typed with Arabic-Indic digits", async () => {
    const result = await lookup({ orderNumber: "#١٠١١", email: "alex.kim@example.net" });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ order: { name: "#1011", status: "in_transit" } });
  });

  it("gives byte-identical answers for an unknown order and a wrong email, in about the same time", async () => {
    const wrongEmail = remember(await lookup({ ...guest, email: "someone.else@example.net" }, { ip: "203.0.113.21" }));
    const unknownOrder = remember(await lookup({ ...guest, orderNumber: "99999" }, { ip: "203.0.113.22" }));
    const noEmailAtAll = remember(await lookup({ ...guest, orderNumber: "1001" }, { ip: "203.0.113.23" }));
    expect(wrongEmail.status).toBe(404);
    expect(wrongEmail.body).toEqual({ error: "order_not_found" });
    for (const other of [unknownOrder, noEmailAtAll]) {
      expect(other.status).toBe(wrongEmail.status);
      expect(other.text).toBe(wrongEmail.text);
      expect(other.headers).toEqual(wrongEmail.headers);
    }
    // Both wait out the same floor (150 ms here, 400 ms by default), so neither answers measurably sooner.
    for (const result of [wrongEmail, unknownOrder]) expect(result.ms).toBeGreaterThanOrEqual(145);
    expect(Math.abs(wrongEmail.ms - unknownOrder.ms)).toBeLessThan(120);
  });

  it("shows a signed-in shopper their own order in full when they use the lookup", async () => {
    const own = remember(
      await lookup({ orderNumber: "1035", email: EMMA.email }, { customerId: EMMA.id, ip: "203.0.113.30" }),
    );
    expect(own.body.returnsRequireSignIn).toBe(false);
    expect(own.body).not.toHaveProperty("signInUrl");
    expect(own.body.order.id).toBe(`gid://shopify/Order/${orderNamed("#1035").id}`);
  });

  it("keeps a guest's doorstep private: no place or carrier note on delivery events", async () => {
    const delivered = remember(await lookup({ orderNumber: "1032", email: "sam.patel@example.com" }));
    const timeline = delivered.body.order.shipments[0].timeline;
    const doorstep = timeline.filter((e: { status: string }) => ["out_for_delivery", "delivered"].includes(e.status));
    expect(doorstep.length).toBeGreaterThan(0);
    for (const event of doorstep) expect(event).toMatchObject({ location: null, message: null });
    expect(timeline[0].location).toMatch(/Columbus/);
  });

  it("answers invalid input with field errors and never reflects it", async () => {
    const hostile = "<script>alert(1)</script>";
    const result = remember(await lookup({ orderNumber: hostile, email: `"><img src=x onerror=alert(1)>@x.com` }));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: "invalid_input", fields: { orderNumber: "invalid", email: "invalid" } });
    expect(result.text).not.toMatch(/[<>]|script|onerror/);
    expect((await lookup({ orderNumber: "1011" })).body).toEqual({
      error: "invalid_input",
      fields: { email: "required" },
    });
    const searchInjection = await lookup({ orderNumber: "1011 OR name:1012", email: "alex.kim@example.net" });
    expect(searchInjection.body.fields).toEqual({ orderNumber: "invalid" });
    const badPath = remember(await order(hostile, { customerId: EMMA.id }));
    expect(badPath.body).toEqual({ error: "order_not_found" });
    const hostileReturn = remember(await lookup({ ...guest, returnTo: `/pages/help"><script>x</script>` }));
    expect(hostileReturn.body.signInUrl).toBe("/account/login?return_url=%2Faccount");
  });

  it("reads a form posted without JavaScript as well as JSON", async () => {
    const result = await answer(() =>
      lookupRoute.action({ request: proxied("/lookup", { form: guest }), params: {}, context }),
    );
    expect(result.status).toBe(200);
    expect(result.body.order.name).toBe("#1011");
  });

  it("answers only POST", async () => {
    const result = await answer(() => lookupRoute.loader({ request: proxied("/lookup"), params: {}, context }));
    expect(result.status).toBe(405);
    expect(result.body).toEqual({ error: "method_not_allowed" });
  });
});

describe("guest lookup rate limits", () => {
  const shortWindow = (perIp: number, perOrder: number, perEmail = 100) =>
    configureGuestLookup({
      limits: {
        perIp: { points: perIp, durationSeconds: 2 },
        perOrder: { points: perOrder, durationSeconds: 2 },
        perEmail: { points: perEmail, durationSeconds: 2 },
      },
      minFailureMs: 0,
    });

  it("stops one visitor after too many lookups with 429 and Retry-After, and lets them in after the window", async () => {
    shortWindow(3, 100);
    const ip = "198.51.100.7";
    for (let i = 0; i < 3; i++)
      expect((await lookup({ ...guest, orderNumber: `${2000 + i}` }, { ip })).status).toBe(404);
    const limited = remember(await lookup(guest, { ip }));
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: "rate_limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(2);
    // Another visitor is not affected; the first one is let in once the window has passed.
    expect((await lookup(guest, { ip: "198.51.100.8" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await lookup(guest, { ip })).status).toBe(200);
  });

  it("stops guessing the email of one order from many addresses, but never a shopper who gets it right", async () => {
    shortWindow(100, 2);
    for (let i = 0; i < 2; i++) {
      expect((await lookup({ ...guest, email: `guess${i}@example.net` }, { ip: `192.0.2.${i + 1}` })).status).toBe(404);
    }
    // The order cools off: an address that has guessed is turned away, even with the right email …
    const limited = await lookup(guest, { ip: "192.0.2.1" });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: "rate_limited" });
    // … while the owner, typing it from their own address, is answered (issue #10: no lockout of the owner).
    expect((await lookup(guest, { ip: "192.0.2.50" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // Successful lookups give their point back: the owner can check their parcel as often as they like.
    for (let i = 0; i < 5; i++) expect((await lookup(guest, { ip: `192.0.2.${60 + i}` })).status).toBe(200);
  });

  it("stops guessing the order numbers of one email from many addresses", async () => {
    shortWindow(100, 100, 3);
    for (let i = 0; i < 3; i++) {
      expect((await lookup({ ...guest, orderNumber: `${1020 + i}` }, { ip: `192.0.2.${100 + i}` })).status).toBe(404);
    }
    // The email cools off for the addresses that guessed; its owner from their own address still gets in.
    expect((await lookup(guest, { ip: "192.0.2.100" })).status).toBe(429);
    expect((await lookup(guest, { ip: "192.0.2.150" })).status).toBe(200);
    // Other shoppers' emails are not affected.
    expect((await lookup({ orderNumber: "1032", email: "sam.patel@example.com" }, { ip: "192.0.2.151" })).status).toBe(
      200,
    );
  });

  it("counts concurrent attempts exactly, as several app servers sharing the database would", async () => {
    shortWindow(3, 100);
    const ip = "198.51.100.77";
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => lookup({ ...guest, orderNumber: `${3000 + i}` }, { ip })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([404, 404, 404, ...Array(7).fill(429)]);
  });

  it("keeps counters per shop, stores no raw IP, and deletes them on shop/redact", async () => {
    const { personalDataSources } = await import("../app/features/compliance/personal-data.server");
    await lookup(guest, { ip: "198.51.100.99" });
    const keys = (await prisma.rateLimiterFlexible.findMany()).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.includes(`:${SHOP}:`))).toBe(true);
    expect(keys.join(" ")).not.toContain("198.51.100.99");
    expect(keys.join(" ")).not.toContain("alex");
    expect(keys.map((key) => key.split(":")[0]).sort()).toEqual([
      "guest-lookup-email",
      "guest-lookup-email-ip",
      "guest-lookup-ip",
      "guest-lookup-ip-failed",
      "guest-lookup-order",
      "guest-lookup-order-ip",
    ]);
    await prisma.rateLimiterFlexible.create({ data: { key: "guest-lookup-ip:other.myshopify.com:x", points: 1 } });
    // Registered with the compliance webhooks (the other sources would uninstall this test's shop).
    const rateLimits = personalDataSources.find((source) => source.name === "Order lookup rate limits");
    const redacted = { id: "1", email: " Alex.Kim@example.net" };
    expect(
      await rateLimits?.redactCustomer({ shop: "other.myshopify.com", customer: redacted, orderIds: [] }, prisma),
    ).toBe(0);
    // The email's counters: from anywhere, and from the one address.
    expect(await rateLimits?.redactCustomer({ shop: SHOP, customer: redacted, orderIds: [] }, prisma)).toBe(2);
    for (const prefix of ["guest-lookup-email:", "guest-lookup-email-ip:"]) {
      keys.splice(
        keys.findIndex((key) => key.startsWith(prefix)),
        1,
      );
    }
    expect(await rateLimits?.redactShop(SHOP, prisma)).toBe(keys.length);
    expect((await prisma.rateLimiterFlexible.findMany()).map((row) => row.key)).toEqual([
      "guest-lookup-ip:other.myshopify.com:x",
    ]);
  });
});

describe("when Shopify is not answering", () => {
  it("retries a throttled call and answers when Shopify recovers", async () => {
    emulator.adminApi.injectFault({ kind: "throttled", times: 2 });
    expect((await order("1035", { customerId: EMMA.id })).status).toBe(200);
  });

  it("answers 503 shopify_unavailable with Retry-After, logging nothing about the shopper", async () => {
    const logs = [vi.spyOn(console, "warn"), vi.spyOn(console, "error"), vi.spyOn(console, "log")];
    try {
      for (const fault of [
        { kind: "throttled", times: 3 },
        { kind: "server-error", status: 502, times: 3 },
      ] as const) {
        emulator.adminApi.clearFaults();
        emulator.adminApi.injectFault(fault);
        const result = await lookup(guest, { ip: "198.51.100.200" });
        expect(result.status, fault.kind).toBe(503);
        expect(result.body).toEqual({ error: "shopify_unavailable" });
        expect(Number(result.headers["retry-after"])).toBeGreaterThan(0);
      }
      emulator.adminApi.injectFault({ kind: "server-error", status: 500, times: 3 });
      expect((await orders({ customerId: EMMA.id })).body).toEqual({ error: "shopify_unavailable" });
      const logged = JSON.stringify(logs.flatMap((spy) => spy.mock.calls));
      for (const personal of ["alex.kim", "1011", String(EMMA.id), "198.51.100.200"]) {
        expect(logged).not.toContain(personal);
      }
    } finally {
      for (const spy of logs) spy.mockRestore();
    }
  });
});

describe("requests that are not Shopify's", () => {
  const routes = {
    orders: (init: Proxied) => orders({ customerId: EMMA.id, ...init }),
    order: (init: Proxied) => order("1035", { customerId: EMMA.id, ...init }),
    lookup: (init: Proxied) => lookup(guest, init),
  };

  it("reject a missing, bad or stale signature with 401 and a foreign shop with 403, as JSON", async () => {
    for (const [name, call] of Object.entries(routes)) {
      for (const init of [{ sign: false }, { secret: "someone-elses-secret" }, { ageSeconds: 600 }]) {
        const result = await call(init);
        expect({ status: result.status, body: result.body }, `${name} ${JSON.stringify(init)}`).toEqual({
          status: 401,
          body: { error: "invalid_request_signature" },
        });
        expect(result.headers["cache-control"]).toBe("no-store");
      }
      const foreign = await call({ shop: "another-store.myshopify.com" });
      expect({ status: foreign.status, body: foreign.body }, name).toEqual({
        status: 403,
        body: { error: "shop_not_installed" },
      });
    }
  });

  it("cannot claim to be another customer: the customer id is part of the signature", async () => {
    const request = proxied("/orders", { customerId: NOAH.id });
    const tampered = new URL(request.url);
    tampered.searchParams.set("logged_in_customer_id", String(EMMA.id));
    const result = await answer(() => ordersRoute.loader({ request: new Request(tampered), params: {}, context }));
    expect(result.status).toBe(401);
  });
});

describe("personal data in answers", () => {
  it("never contains a street address, postal code, phone number, last name or unmasked email", () => {
    expect(seen.length).toBeGreaterThan(20);
    const everything = seen.join("\n");
    const forbidden = new Set<string>();
    for (const customer of state.customers) {
      for (const value of [customer.address.address1, customer.address.zip, customer.lastName, customer.email]) {
        if (value) forbidden.add(value);
      }
    }
    for (const o of state.orders) {
      if (o.email) forbidden.add(o.email);
      if (o.shippingAddress)
        for (const value of [o.shippingAddress.address1, o.shippingAddress.zip]) forbidden.add(value);
    }
    // As whole words: a postal code may well occur inside a tracking number.
    const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const value of forbidden) {
      expect(everything, value).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, "iu"));
    }
    expect(everything).not.toMatch(/"(phone|address1|address2|zip|lastName)"/);
  });
});
