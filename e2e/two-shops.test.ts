import { randomUUID } from "node:crypto";
import http from "node:http";

import { beforeAll, describe, expect, inject, it } from "vitest";

import { DEMO_API_KEY, DEMO_API_SECRET } from "../emulator/demo";
import { MERCHANT_BROWSER } from "../emulator/merchant-browser";

/**
 * Two shops with the app installed: A, the demo shop every other browser test uses, and B, added to the emulator
 * here with its own orders and shoppers (the same order numbers, other ids and emails). Everything signed for B —
 * every storefront route under app/routes/proxy.* — is tried with A's order numbers, order and line ids, customer
 * ids and emails, and must never answer or change anything of A; neither merchant's admin lists the other's
 * requests; B's uninstall and compliance webhooks leave A's data alone. This file runs last (files run in name
 * order): it adds a contact request to A's inbox.
 */

const demo = inject("demo");
const B = "northwind-outfitters.myshopify.com";
const A = demo.shop;
const emulatorPort = new URL(demo.emulatorUrl).port;
const hosts = { [A]: new URL(demo.emulatorUrl).host, [B]: `northwind-outfitters.localhost:${emulatorPort}` };

interface Answer {
  status: number;
  text: string;
}

/**
 * A shopper's request to a shop's storefront under /apps/resolve, which the emulator signs for that shop. The
 * storefront is chosen by its host, as the browser sends it; `customer` is the id the shopper's session holds.
 */
function storefront(
  shop: string,
  path: string,
  init: { customer?: string; body?: unknown; source: string; method?: string },
): Promise<Answer> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: emulatorPort,
        path: `/apps/resolve${path}`,
        method,
        headers: {
          host: hosts[shop],
          accept: "application/json",
          // Each test is a shopper on a network of its own, so the per-address limits of one do not reach another.
          "x-forwarded-for": init.source,
          ...(init.customer ? { cookie: `emulator_customer=${init.customer}` } : {}),
          ...(body ? { "content-type": "application/json" } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function sessionToken(shop: string): Promise<string> {
  const answer = await fetch(`${demo.emulatorUrl}/_emulator/session-token?shop=${shop}`);
  return ((await answer.json()) as { token: string }).token;
}

/** What the merchant's admin page loads (Remix's data request, with the admin's session token). */
async function merchantData(shop: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(new URL(path, demo.appUrl), {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${await sessionToken(shop)}`,
      "user-agent": MERCHANT_BROWSER,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, text: await response.text() };
}

interface ShopOrder {
  id: string;
  name: string;
  email: string | null;
  customer: { id: string; email: string } | null;
  lineItems: { nodes: { id: string }[] };
}

/** A query to a shop's Admin API, with the access token the shop gives the app. */
async function adminQuery<T>(shop: string, query: string): Promise<T> {
  const exchanged = await fetch(`${demo.emulatorUrl}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-emulator-shop": shop },
    body: JSON.stringify({
      client_id: DEMO_API_KEY,
      client_secret: DEMO_API_SECRET,
      subject_token: await sessionToken(shop),
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  const { access_token: token } = (await exchanged.json()) as { access_token: string };
  const response = await fetch(`${demo.emulatorUrl}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-emulator-shop": shop, "x-shopify-access-token": token },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`Admin API of ${shop}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function shopOrders(shop: string): Promise<ShopOrder[]> {
  type Node = Omit<ShopOrder, "customer"> & {
    customer: { id: string; defaultEmailAddress: { emailAddress: string } } | null;
  };
  const data = await adminQuery<{ orders: { nodes: Node[] } }>(
    shop,
    `{ orders(first: 60) { nodes { id name email customer { id defaultEmailAddress { emailAddress } }
      lineItems(first: 5) { nodes { id } } } } }`,
  );
  return data.orders.nodes.map(({ customer, ...order }) => ({
    ...order,
    customer: customer ? { id: customer.id, email: customer.defaultEmailAddress.emailAddress } : null,
  }));
}

const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

let ordersA: ShopOrder[];
let ordersB: ShopOrder[];
/** Every id and email of shop A a shopper could type or present: none may show in an answer signed for B. */
let secretsOfA: string[];

/** The first of A's orders placed by a customer account, and B's order with the same number. */
function customerOrders() {
  const a = ordersA.find((order) => order.customer && order.lineItems.nodes.length > 0)!;
  const b = ordersB.find((order) => order.name === a.name)!;
  return { a, b };
}

function expectNothingOfA(answer: Answer) {
  for (const secret of secretsOfA) expect(answer.text, `answer for B holds ${secret}`).not.toContain(secret);
}

beforeAll(async () => {
  const added = await fetch(`${demo.emulatorUrl}/_emulator/shops`, {
    method: "POST",
    body: JSON.stringify({ shop: B, name: "Northwind Outfitters" }),
  });
  const { embeddedAppUrl } = (await added.json()) as { embeddedAppUrl: string };
  // Shopify opens the app after its managed install: the app exchanges the session token for B's access token.
  const firstVisit = await fetch(embeddedAppUrl, { headers: { "user-agent": MERCHANT_BROWSER } });
  expect(firstVisit.status).toBe(200);
  // B's merchant saves a return policy, so B's returns are open and a return request reaches the order.
  const { returnReasonDefinitions } = await adminQuery<{
    returnReasonDefinitions: { nodes: { id: string; handle: string }[] };
  }>(B, "{ returnReasonDefinitions(first: 20) { nodes { id handle } } }");
  const policy = await merchantData(B, "/app/policy.data", {
    method: "POST",
    body: {
      policy: {
        reasons: returnReasonDefinitions.nodes.map(({ id, handle }) => ({ id, handle })),
        policyText: { en: "Returns within 30 days of delivery." },
      },
    },
  });
  expect(policy.status, policy.text).toBe(200);
  expect(policy.text).toContain("reviewedAt");

  [ordersA, ordersB] = await Promise.all([shopOrders(A), shopOrders(B)]);
  secretsOfA = ordersA.flatMap((order) => [
    numericId(order.id),
    ...order.lineItems.nodes.map((line) => numericId(line.id)),
    ...(order.customer ? [numericId(order.customer.id), order.customer.email] : []),
    ...(order.email ? [order.email] : []),
  ]);
  // The seed gives B the same order numbers with its own ids and shoppers.
  expect(ordersB.map((order) => order.name).sort()).toEqual(ordersA.map((order) => order.name).sort());
  const idsOfB = ordersB.flatMap((order) => [order.id, order.customer?.id, order.email]);
  expect(idsOfB.filter((value) => value && secretsOfA.includes(numericId(value)))).toEqual([]);
});

describe("a storefront request signed for shop B", () => {
  it("looks up no order of shop A by A's order number and email (POST /lookup), while B's own is found", async () => {
    const source = "198.51.100.21";
    const guestOrders = ordersA.filter((order) => !order.customer && order.email).slice(0, 3);
    for (const order of guestOrders) {
      const crossed = await storefront(B, "/lookup", { source, body: { orderNumber: order.name, email: order.email } });
      expect(crossed.status, order.name).toBe(404);
      expect(crossed.text).toBe(JSON.stringify({ error: "order_not_found" }));
    }
    const [first] = guestOrders;
    const own = ordersB.find((order) => order.name === first!.name)!;
    const found = await storefront(B, "/lookup", { source, body: { orderNumber: own.name, email: own.email } });
    expect(found.status).toBe(200);
    expect(JSON.parse(found.text).order.name).toBe(own.name);
    expectNothingOfA(found);
    // The same lookup on A's storefront finds A's order: the refusals above are B's, not a broken lookup.
    const onA = await storefront(A, "/lookup", { source, body: { orderNumber: first!.name, email: first!.email } });
    expect(onA.status).toBe(200);
  });

  it("lists, opens and offers returns for no order of A to a session holding A's customer id (GET /orders, /orders/:ref, /orders/:ref/returns)", async () => {
    const { a } = customerOrders();
    const customer = numericId(a.customer!.id);
    const source = "198.51.100.22";
    const list = await storefront(B, "/orders", { customer, source });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text).orders).toEqual([]);
    for (const ref of [a.name.slice(1), encodeURIComponent(a.id)]) {
      const opened = await storefront(B, `/orders/${ref}`, { customer, source });
      expect(opened.status, ref).toBe(404);
      const returns = await storefront(B, `/orders/${ref}/returns`, { customer, source });
      expect(returns.status, ref).toBe(404);
      expectNothingOfA(returns);
    }
    // On A's own storefront that customer sees the order.
    expect((await storefront(A, `/orders/${a.name.slice(1)}`, { customer, source })).status).toBe(200);
  });

  it("opens no order of A by A's order id for B's own customer, whose own orders open", async () => {
    const { a, b } = customerOrders();
    const customer = numericId(b.customer!.id);
    const source = "198.51.100.23";
    const own = await storefront(B, `/orders/${encodeURIComponent(b.id)}`, { customer, source });
    expect(own.status).toBe(200);
    expectNothingOfA(own);
    const list = await storefront(B, "/orders", { customer, source });
    expectNothingOfA(list);
    for (const order of ordersA.slice(0, 5)) {
      const crossed = await storefront(B, `/orders/${encodeURIComponent(order.id)}`, { customer, source });
      expect(crossed.status, order.id).toBe(404);
    }
    expect(a.id).not.toBe(b.id);
  });

  it("files no return on A's orders or A's lines (POST /orders/:ref/returns), and A's returns stay as they were", async () => {
    const { a, b } = customerOrders();
    const returnsOfA = async () =>
      (await fetch(`${demo.emulatorUrl}/_emulator/returns?order=${encodeURIComponent(a.name)}`)).text();
    const before = await returnsOfA();
    const options = await storefront(B, `/orders/${encodeURIComponent(b.id)}/returns`, {
      customer: numericId(b.customer!.id),
      source: "198.51.100.24",
    });
    expect(options.status).toBe(200);
    const reasonId = (JSON.parse(options.text) as { reasons: { id: string }[] }).reasons[0]!.id;
    const request = (lineItemId: string) => ({
      idempotencyKey: randomUUID(),
      lines: [{ lineItemId, quantity: 1 }],
      reasonId,
      resolution: "refund",
    });
    const attempts = [
      // A's customer id with A's order, by id and by number.
      { customer: numericId(a.customer!.id), ref: encodeURIComponent(a.id), line: a.lineItems.nodes[0]!.id },
      { customer: numericId(a.customer!.id), ref: a.name.slice(1), line: a.lineItems.nodes[0]!.id },
      // B's own customer naming A's order, then B's own order with A's line.
      { customer: numericId(b.customer!.id), ref: encodeURIComponent(a.id), line: a.lineItems.nodes[0]!.id },
    ];
    for (const attempt of attempts) {
      const answer = await storefront(B, `/orders/${attempt.ref}/returns`, {
        customer: attempt.customer,
        source: "198.51.100.24",
        body: request(attempt.line),
      });
      expect(answer.status, `${attempt.ref} ${answer.text}`).toBe(404);
      expectNothingOfA(answer);
    }
    // B's own order with A's line files nothing anywhere.
    const foreignLine = await storefront(B, `/orders/${encodeURIComponent(b.id)}/returns`, {
      customer: numericId(b.customer!.id),
      source: "198.51.100.24",
      body: request(a.lineItems.nodes[0]!.id),
    });
    expect(foreignLine.status, foreignLine.text).toBe(422);
    expectNothingOfA(foreignLine);
    expect(await returnsOfA()).toBe(before);
  });

  it("stores contact messages (POST /contact) that only B's merchant sees, and refuses A's order for A's customer id", async () => {
    const { a } = customerOrders();
    const source = "198.51.100.25";
    const signedIn = await storefront(B, "/contact", {
      customer: numericId(a.customer!.id),
      source,
      body: {
        submissionKey: randomUUID(),
        name: "Someone",
        email: a.customer!.email,
        message: "Where is my parcel?",
        orderNumber: a.name,
      },
    });
    expect(signedIn.status).toBe(422);
    expect(JSON.parse(signedIn.text)).toEqual({ error: "invalid_input", fields: { orderNumber: "order_not_found" } });

    const messageForB = `Message for Northwind ${randomUUID()}`;
    const messageForA = `Message for the demo shop ${randomUUID()}`;
    const guest = (message: string) => ({
      submissionKey: randomUUID(),
      name: "Alex Guest",
      email: a.customer!.email,
      message,
      orderNumber: a.name,
    });
    expect((await storefront(B, "/contact", { source, body: guest(messageForB) })).status).toBe(201);
    expect((await storefront(A, "/contact", { source, body: guest(messageForA) })).status).toBe(201);

    const inboxA = await merchantData(A, "/app/requests.data");
    const inboxB = await merchantData(B, "/app/requests.data");
    expect([inboxA.status, inboxB.status]).toEqual([200, 200]);
    expect(inboxA.text).toContain(messageForA);
    expect(inboxA.text).not.toContain(messageForB);
    expect(inboxB.text).toContain(messageForB);
    expect(inboxB.text).not.toContain(messageForA);
  });

  it("says only whether the shopper is signed in (GET /session), and its searches (POST /events) reach B's Home, never A's", async () => {
    const { a } = customerOrders();
    const session = await storefront(B, "/session", { customer: numericId(a.customer!.id), source: "198.51.100.26" });
    expect(session.status).toBe(200);
    expect(JSON.parse(session.text)).toEqual({ signedIn: true });

    const query = "bamboo socks sizing";
    // A search shows on Home once three distinct visits made it.
    for (const visit of [1, 2, 3]) {
      const answer = await storefront(B, "/events", {
        source: `198.51.100.${30 + visit}`,
        body: { sessionId: randomUUID(), events: [{ type: "search", query, results: 2 }] },
      });
      expect(answer.status, answer.text).toBe(202);
    }
    const homeB = await merchantData(B, "/app.data");
    const homeA = await merchantData(A, "/app.data");
    expect([homeA.status, homeB.status]).toEqual([200, 200]);
    expect(homeB.text).toContain(query);
    expect(homeA.text).not.toContain(query);
  });
});

describe("shop B's compliance and uninstall webhooks", () => {
  it("leave A's requests and A's storefront alone, even when they name A's customer", async () => {
    const { a } = customerOrders();
    const webhook = async (topic: string, payload: unknown) => {
      const answer = await fetch(`${demo.emulatorUrl}/_emulator/webhooks`, {
        method: "POST",
        body: JSON.stringify({ shop: B, topic, payload }),
      });
      return ((await answer.json()) as { status: number }).status;
    };
    const customer = { id: Number(numericId(a.customer!.id)), email: a.customer!.email, phone: null };
    expect(
      await webhook("customers/redact", {
        shop_domain: B,
        customer,
        orders_to_redact: [Number(numericId(a.id))],
      }),
    ).toBe(200);
    expect(await webhook("app/uninstalled", { domain: B })).toBe(200);
    expect(await webhook("shop/redact", { shop_domain: B })).toBe(200);

    const source = "198.51.100.27";
    const uninstalled = await storefront(B, "/orders", { customer: numericId(a.customer!.id), source });
    expect(uninstalled.status).toBe(403);
    const inboxA = await merchantData(A, "/app/requests.data");
    expect(inboxA.text).toContain("Message for the demo shop");
    expect(inboxA.text).toContain(a.customer!.email);
    expect(
      (await storefront(A, `/orders/${a.name.slice(1)}`, { customer: customer.id.toString(), source })).status,
    ).toBe(200);
  });
});
