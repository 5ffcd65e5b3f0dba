import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { signAppProxyParams } from "../emulator/signing";
import { TEST_APP_ENV } from "./app-env";
import { startEmulatorHarness } from "./emulator-harness";

/**
 * Filing returns from the storefront end to end: requests signed as Shopify's app proxy signs them, the real
 * Shopify library calling the local emulator's Admin API (2026-10 schema, seeded demo shop), submissions in the
 * test database (SQLite and PostgreSQL).
 */

const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../app/db.server");
const { saveReturnPolicy } = await import("../app/features/policy/ReturnPolicy.server");
const returnsRoute = await import("../app/routes/proxy.orders.$orderRef_.returns");

const SHOP = emulator.shop;
const state = emulator.adminApi.state;
const FINAL_TAG = "resolve-test-final-sale";
const offeredReasons = state.returnReasonDefinitions.filter((reason) => !reason.deleted);
const REASON = offeredReasons[0]!;
const NOTE_REASON = offeredReasons[1]!;
const reasonGid = (id: number) => `gid://shopify/ReturnReasonDefinition/${id}`;
const lineGid = (id: number) => `gid://shopify/LineItem/${id}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function proxied(path: string, init: { customerId?: number; body?: unknown; query?: Record<string, string> } = {}) {
  const params: Record<string, string> = {
    ...init.query,
    shop: SHOP,
    logged_in_customer_id: init.customerId === undefined ? "" : String(init.customerId),
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy${path}?${new URLSearchParams(params)}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function read(response: Response) {
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Json, headers: response.headers };
}

const context = {};
const options = (ref: string, customerId?: number) =>
  returnsRoute
    .loader({ request: proxied(`/orders/${ref}/returns`, { customerId }), params: { orderRef: ref }, context })
    .then(read);
const submit = (ref: string, body: unknown, customerId?: number) =>
  returnsRoute
    .action({ request: proxied(`/orders/${ref}/returns`, { customerId, body }), params: { orderRef: ref }, context })
    .then(read);

/**
 * A customer's order, not handed out before, without returns, whose first line is fully delivered and
 * returnable (and, for `twoProducts`, whose second line is another product).
 */
const used = new Set<number>();
function nextOrder({ twoProducts = false, variants = 1 } = {}) {
  const order = state.orders.find((candidate) => {
    const [first, second] = candidate.lineItems;
    if (used.has(candidate.id) || candidate.customerId === null || candidate.cancelledAt || !first) return false;
    if (candidate.refunds.length > 0 || state.returns.some((ret) => ret.orderId === candidate.id)) return false;
    if (twoProducts && (!second || second.productId === first.productId)) return false;
    const product = state.products.find((p) => p.id === first.productId);
    const delivered = candidate.fulfillments
      .filter((f) => f.status === "SUCCESS" && f.deliveredAt)
      .flatMap((f) => f.lineItems)
      .filter((item) => item.lineItemId === first.id)
      .reduce((sum, item) => sum + item.quantity, 0);
    return (
      product &&
      !product.isGiftCard &&
      !product.tags.includes(FINAL_TAG) &&
      product.variants.length >= variants &&
      delivered === first.quantity
    );
  });
  if (!order) throw new Error("no candidate order left in the seed");
  used.add(order.id);
  return { order, ref: order.name.replace(/^#/, ""), customerId: order.customerId! };
}

async function policy(overrides: Record<string, unknown> = {}) {
  const saved = await saveReturnPolicy(SHOP, {
    windowDays: 365,
    windowStartsAt: "fulfillment",
    finalSale: { tags: [FINAL_TAG], productTypes: [], collectionIds: [], minDiscountPercent: null },
    reasons: [
      { id: reasonGid(REASON.id), handle: REASON.handle, noteRequired: false },
      { id: reasonGid(NOTE_REASON.id), handle: NOTE_REASON.handle, noteRequired: true },
    ],
    ...overrides,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
}

const returnsOf = (orderId: number) => state.returns.filter((ret) => ret.orderId === orderId);

function body(lineId: number, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    lines: [{ lineItemId: lineGid(lineId), quantity: 1 }],
    reasonId: reasonGid(REASON.id),
    resolution: "refund",
    ...overrides,
  };
}

beforeAll(async () => {
  await installShop(prisma);
  await prisma.returnSubmission.deleteMany({ where: { shop: SHOP } });
});

beforeEach(async () => {
  emulator.adminApi.clearFaults();
  await policy();
});

afterAll(async () => {
  await prisma.returnSubmission.deleteMany({ where: { shop: SHOP } });
  await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
});

describe("a signed-in shopper's returns", () => {
  it("files one eligible line of an order whose other line is final sale, as a REQUESTED return", async () => {
    const { order, ref, customerId } = nextOrder({ twoProducts: true });
    const wanted = order.lineItems[0]!;
    const finalSale = order.lineItems[1]!;
    state.products.find((product) => product.id === finalSale.productId)!.tags.push(FINAL_TAG);

    const offered = await options(ref, customerId);
    expect(offered.status).toBe(200);
    expect(offered.headers.get("cache-control")).toBe("no-store");
    const lines = offered.body.lines as Json[];
    expect(lines.find((line) => line.lineItemId === lineGid(wanted.id))).toMatchObject({
      eligible: true,
      returnableQuantity: wanted.quantity,
    });
    expect(lines.find((line) => line.lineItemId === lineGid(finalSale.id))).toMatchObject({
      eligible: false,
      reason: { reason: "final_sale", rule: "tag", match: FINAL_TAG },
    });
    expect(offered.body.reasons).toEqual([
      { id: reasonGid(REASON.id), handle: REASON.handle, noteRequired: false },
      { id: reasonGid(NOTE_REASON.id), handle: NOTE_REASON.handle, noteRequired: true },
    ]);
    expect(offered.body.resolutions).toEqual(["refund", "storeCredit", "exchange"]);
    expect(offered.body.returns).toEqual([]);

    const filed = await submit(ref, body(wanted.id), customerId);
    expect(filed.status).toBe(200);
    expect(filed.body.return.status).toBe("requested");
    const created = returnsOf(order.id)[0]!;
    const others = returnsOf(order.id).slice(1);
    expect(others).toEqual([]);
    expect(created.status).toBe("REQUESTED");
    expect(created.lineItems).toHaveLength(1);
    const fulfillmentLine = order.fulfillments.flatMap((f) => f.lineItems).find((i) => i.lineItemId === wanted.id)!;
    expect(created.lineItems[0]).toMatchObject({
      fulfillmentLineItemId: fulfillmentLine.id,
      quantity: 1,
      returnReasonDefinitionId: REASON.id,
    });
    expect(filed.body.return.id).toBe(`gid://shopify/Return/${created.id}`);

    const after = await options(ref, customerId);
    expect(after.body.returns).toEqual([{ id: filed.body.return.id, name: created.name, status: "requested" }]);
  });

  it("offers every Shopify return reason when the merchant never saved a policy", async () => {
    await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
    const { order, ref, customerId } = nextOrder();
    used.delete(order.id); // only read: the order stays available to the tests that file returns
    const offered = await options(ref, customerId);
    expect(offered.status).toBe(200);
    expect(offered.body.reasons).toEqual(
      offeredReasons.map((reason) => ({ id: reasonGid(reason.id), handle: reason.handle, noteRequired: false })),
    );
  });

  it("gives the policy text as sanitized HTML in the shopper's language, else English", async () => {
    await policy({ policyText: { en: "**30 days** <script>alert(1)</script>", fr: "**30 jours**" } });
    const { ref, customerId } = nextOrder();
    const french = await returnsRoute
      .loader({
        request: proxied(`/orders/${ref}/returns`, { customerId, query: { locale: "fr" } }),
        params: { orderRef: ref },
        context,
      })
      .then(read);
    expect(french.body.policyHtml).toContain("<strong>30 jours</strong>");
    const english = await options(ref, customerId);
    expect(english.body.policyHtml).toContain("<strong>30 days</strong>");
    expect(english.text).not.toContain("<script");
  });

  it("opens the return at once when the policy approves it automatically", async () => {
    await policy({ autoApprove: { enabled: true, withinDays: null, reviewReasonIds: [], maxOrderValue: null } });
    const { order, ref, customerId } = nextOrder();
    const filed = await submit(ref, body(order.lineItems[0]!.id), customerId);
    expect(filed.status).toBe(200);
    expect(filed.body.return.status).toBe("open");
    expect(returnsOf(order.id).map((ret) => ret.status)).toEqual(["OPEN"]);
  });

  it("refuses an over-quantity, an ineligible line or a missing required note with field errors, filing nothing", async () => {
    const { order, ref, customerId } = nextOrder({ twoProducts: true });
    const first = order.lineItems[0]!;
    const second = order.lineItems[1]!;
    state.products.find((product) => product.id === second.productId)!.tags.push(FINAL_TAG);

    const over = await submit(
      ref,
      body(first.id, { lines: [{ lineItemId: lineGid(first.id), quantity: first.quantity + 1 }] }),
      customerId,
    );
    expect(over.status).toBe(422);
    expect(over.body).toEqual({ error: "invalid_input", fields: { "lines.0.quantity": "over_returnable" } });

    const ineligible = await submit(ref, body(second.id), customerId);
    expect(ineligible.status).toBe(422);
    expect(ineligible.body.fields).toEqual({ "lines.0.lineItemId": "final_sale" });

    // A line that is not on this order (another order's, or made up) is named, never filed.
    const foreignLine = await submit(ref, body(first.id + 999_999), customerId);
    expect(foreignLine.status).toBe(422);
    expect(foreignLine.body).toEqual({ error: "invalid_input", fields: { "lines.0.lineItemId": "unknown_line" } });

    const noNote = await submit(ref, body(first.id, { reasonId: reasonGid(NOTE_REASON.id) }), customerId);
    expect(noNote.status).toBe(422);
    expect(noNote.body.fields).toEqual({ note: "required" });

    const malformed = await submit(ref, { ...body(first.id), idempotencyKey: "not-a-uuid" }, customerId);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: "invalid_input", fields: { idempotencyKey: "invalid" } });

    // Coercion would read these as 1, 100 and 2 units: each is refused and files nothing.
    for (const quantity of [true, "1e2", [2]]) {
      const odd = await submit(
        ref,
        body(first.id, { lines: [{ lineItemId: lineGid(first.id), quantity }] }),
        customerId,
      );
      expect(odd.status, JSON.stringify(quantity)).toBe(400);
      expect(odd.body).toEqual({ error: "invalid_input", fields: { lines: "invalid" } });
    }

    expect(returnsOf(order.id)).toEqual([]);
    expect(
      await prisma.returnSubmission.count({ where: { shop: SHOP, orderId: `gid://shopify/Order/${order.id}` } }),
    ).toBe(0);
  });

  it("answers Shopify's refusal with a translatable key and keeps the submission as failed", async () => {
    await policy({ reasons: [] });
    const { order, ref, customerId } = nextOrder();
    const refused = await submit(
      ref,
      body(order.lineItems[0]!.id, { reasonId: "gid://shopify/ReturnReasonDefinition/999999" }),
      customerId,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ error: "shopify_not_found", submissionId: expect.any(String) });
    expect(refused.text).not.toMatch(/does not exist/);
    expect(returnsOf(order.id)).toEqual([]);
    const stored = await prisma.returnSubmission.findUniqueOrThrow({ where: { id: refused.body.submissionId } });
    expect(stored).toMatchObject({ status: "failed", error: "shopify_not_found", shopifyReturnId: null });
  });

  it("asks a guest to sign in", async () => {
    const { order, ref } = nextOrder();
    const listed = await options(ref);
    expect(listed.status).toBe(401);
    expect(listed.body).toMatchObject({ error: "sign_in_required" });
    expect(listed.body.signInUrl).toMatch(/^\/account\/login\?return_url=/);
    const filed = await submit(ref, body(order.lineItems[0]!.id));
    expect(filed.status).toBe(401);
    expect(filed.body.error).toBe("sign_in_required");
    expect(returnsOf(order.id)).toEqual([]);
  });

  it("answers another customer's order exactly like a missing one", async () => {
    const { order, ref, customerId } = nextOrder();
    const stranger = state.customers.find((customer) => customer.id !== customerId)!;
    const missing = await options("999999", stranger.id);
    const foreign = await options(ref, stranger.id);
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(missing.text);
    const byId = await options(encodeURIComponent(`gid://shopify/Order/${order.id}`), stranger.id);
    expect(byId.status).toBe(404);
    const filed = await submit(ref, body(order.lineItems[0]!.id), stranger.id);
    expect(filed.status).toBe(404);
    expect(returnsOf(order.id)).toEqual([]);
  });

  it("files one Shopify return for two concurrent identical submissions, and answers both alike", async () => {
    const { order, ref, customerId } = nextOrder();
    const same = body(order.lineItems[0]!.id);
    const [a, b] = await Promise.all([submit(ref, same, customerId), submit(ref, same, customerId)]);
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
    expect(returnsOf(order.id)).toHaveLength(1);
    const again = await submit(ref, same, customerId);
    expect(again.text).toBe(a.text);
    expect(returnsOf(order.id)).toHaveLength(1);
  });

  it("keeps a submission Shopify could not take, and files it once on a retry with the same key", async () => {
    const { order, ref, customerId } = nextOrder();
    const same = body(order.lineItems[0]!.id);
    emulator.adminApi.injectFault({ kind: "throttled", times: 3, operationName: "ReturnRequestCreate" });
    const refused = await submit(ref, same, customerId);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(refused.body).toEqual({ error: "shopify_unavailable", submissionId: expect.any(String) });
    expect(returnsOf(order.id)).toEqual([]);
    const stored = await prisma.returnSubmission.findUniqueOrThrow({ where: { id: refused.body.submissionId } });
    expect(stored.status).toBe("failed");

    const retried = await submit(ref, same, customerId);
    expect(retried.status).toBe(200);
    expect(retried.body.submissionId).toBe(refused.body.submissionId);
    expect(returnsOf(order.id)).toHaveLength(1);
    expect(await prisma.returnSubmission.count({ where: { shop: SHOP, idempotencyKey: same.idempotencyKey } })).toBe(1);
  });

  it("stores HTML in a note as text and never reflects it", async () => {
    const { order, ref, customerId } = nextOrder();
    const note = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const filed = await submit(ref, body(order.lineItems[0]!.id, { note }), customerId);
    expect(filed.status).toBe(200);
    expect(filed.text).not.toContain("<img");
    expect(filed.text).not.toContain("<script");
    const stored = await prisma.returnSubmission.findUniqueOrThrow({ where: { id: filed.body.submissionId } });
    expect(JSON.parse(stored.request).note).toBe(note);
    expect(returnsOf(order.id)[0]!.lineItems[0]!.customerNote).toBe(note);
    const listed = await options(ref, customerId);
    expect(listed.text).not.toContain("<img");
  });
});

describe("a shopper's resolution preference", () => {
  const variantGid = (id: number) => `gid://shopify/ProductVariant/${id}`;
  const productOf = (productId: number | null) => state.products.find((product) => product.id === productId)!;

  // The seed has few untouched orders: these tests give theirs back, without the returns they filed.
  const taken: number[] = [];
  function take(options: Parameters<typeof nextOrder>[0] = {}) {
    const found = nextOrder(options);
    taken.push(found.order.id);
    return found;
  }
  afterEach(() => {
    const ids = taken.splice(0);
    for (let index = state.returns.length - 1; index >= 0; index--) {
      if (ids.includes(state.returns[index]!.orderId)) state.returns.splice(index, 1);
    }
    for (const id of ids) used.delete(id);
  });

  /** An order whose first line's product has other variants, one of them sold out. */
  function exchangeOrder() {
    const found = take({ variants: 3 });
    const line = found.order.lineItems[0]!;
    const product = productOf(line.productId);
    const others = product.variants.filter((variant) => variant.id !== line.variantId);
    for (const variant of others) variant.inventoryQuantity = Math.max(variant.inventoryQuantity, 5);
    others.at(-1)!.inventoryQuantity = 0;
    return { ...found, line, product, others, wanted: others[0]!, soldOut: others.at(-1)! };
  }

  it("lists the other variants of a line's product, sold-out ones marked, only when exchanges are offered", async () => {
    const { ref, customerId, line, others, soldOut } = exchangeOrder();
    const offered = await options(ref, customerId);
    const listed = (offered.body.lines as Json[]).find((candidate) => candidate.lineItemId === lineGid(line.id));
    expect(listed.exchangeOptions).toEqual(
      others.map((variant) => ({
        variantId: variantGid(variant.id),
        title: variant.title,
        available: variant.id !== soldOut.id,
      })),
    );
    expect(listed.exchangeOptions.map((option: Json) => option.variantId)).not.toContain(variantGid(line.variantId!));

    await policy({ resolutions: { exchange: { enabled: false } } });
    const withoutExchange = await options(ref, customerId);
    expect(withoutExchange.body.resolutions).toEqual(["refund", "storeCredit"]);
    for (const candidate of withoutExchange.body.lines as Json[])
      expect(candidate).not.toHaveProperty("exchangeOptions");
  });

  it("files an approved exchange with the wanted variant as Shopify's exchange line", async () => {
    await policy({ autoApprove: { enabled: true, withinDays: null, reviewReasonIds: [], maxOrderValue: null } });
    const { order, ref, customerId, line, wanted } = exchangeOrder();
    const filed = await submit(
      ref,
      body(line.id, { resolution: "exchange", exchangeVariantId: variantGid(wanted.id) }),
      customerId,
    );
    expect(filed.status).toBe(200);
    expect(filed.body.return.status).toBe("open");
    const [created] = returnsOf(order.id);
    expect(created!.exchangeLineItems).toEqual([{ id: expect.any(Number), variantId: wanted.id, quantity: 1 }]);
    const stored = await prisma.returnSubmission.findUniqueOrThrow({ where: { id: filed.body.submissionId } });
    expect(JSON.parse(stored.request)).toMatchObject({
      resolution: "exchange",
      exchangeVariantId: variantGid(wanted.id),
    });
  });

  it("tells the merchant the wanted variant in the note of a requested return, after the shopper's note", async () => {
    const { order, ref, customerId, line, product, wanted } = exchangeOrder();
    const filed = await submit(
      ref,
      body(line.id, { resolution: "exchange", exchangeVariantId: variantGid(wanted.id), note: "Too small" }),
      customerId,
    );
    expect(filed.status).toBe(200);
    expect(filed.body.return.status).toBe("requested");
    const [created] = returnsOf(order.id);
    expect(created!.lineItems[0]!.customerNote).toBe(
      `Preference: exchange for ${product.title} - ${wanted.title}\nToo small`,
    );
    expect(created!.exchangeLineItems ?? []).toEqual([]);
  });

  it("refuses a variant of another product, or a sold-out one, filing nothing", async () => {
    const { order, ref, customerId, line, soldOut } = exchangeOrder();
    const elsewhere = state.products.find((product) => product.id !== line.productId && !product.isGiftCard)!;
    const foreign = await submit(
      ref,
      body(line.id, { resolution: "exchange", exchangeVariantId: variantGid(elsewhere.variants[0]!.id) }),
      customerId,
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body).toEqual({ error: "invalid_input", fields: { exchangeVariantId: "not_offered" } });

    const same = await submit(
      ref,
      body(line.id, { resolution: "exchange", exchangeVariantId: variantGid(line.variantId!) }),
      customerId,
    );
    expect(same.body.fields).toEqual({ exchangeVariantId: "not_offered" });

    const unavailable = await submit(
      ref,
      body(line.id, { resolution: "exchange", exchangeVariantId: variantGid(soldOut.id) }),
      customerId,
    );
    expect(unavailable.status).toBe(422);
    expect(unavailable.body.fields).toEqual({ exchangeVariantId: "unavailable" });

    const missing = await submit(ref, body(line.id, { resolution: "exchange" }), customerId);
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual({ exchangeVariantId: "required" });

    expect(returnsOf(order.id)).toEqual([]);
  });

  it("tells the merchant a shopper prefers store credit on a requested return", async () => {
    const requested = take();
    const asked = await submit(
      requested.ref,
      body(requested.order.lineItems[0]!.id, { resolution: "storeCredit" }),
      requested.customerId,
    );
    expect(asked.status).toBe(200);
    expect(returnsOf(requested.order.id)[0]!.lineItems[0]!.customerNote).toBe("Preference: store credit");
  });

  it("tells the merchant a shopper prefers store credit on an approved return, before the shopper's note", async () => {
    await policy({ autoApprove: { enabled: true, withinDays: null, reviewReasonIds: [], maxOrderValue: null } });
    const approved = take();
    const opened = await submit(
      approved.ref,
      body(approved.order.lineItems[0]!.id, { resolution: "storeCredit", note: "Gift" }),
      approved.customerId,
    );
    expect(opened.body.return.status).toBe("open");
    expect(returnsOf(approved.order.id)[0]!.lineItems[0]!.returnReasonNote).toBe("Preference: store credit\nGift");
  });
});
