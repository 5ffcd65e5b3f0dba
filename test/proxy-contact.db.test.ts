import { randomUUID } from "node:crypto";

import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import prisma from "../app/db.server";
import {
  configureContactLimit,
  REFERENCE_ALPHABET,
  storeContactRequest,
  getContactRequest,
  submitContactRequest,
  contactInputSchema,
  type StoreResult,
} from "../app/features/contact/ContactRequest.server";
import {
  changeRequestStatus,
  INBOX_PAGE_SIZE,
  inboxFiltersSchema,
  listInbox,
  type InboxFilters,
} from "../app/features/contact/ContactRequestInbox.server";
import { personalDataSources } from "../app/features/compliance/personal-data.server";
import { settleNotifications } from "../app/features/contact/notify-merchant.server";
import { action } from "../app/routes/proxy.contact";
import { proxiedJsonPost } from "./app-proxy-request";

/** POST /apps/resolve/contact as a guest, through the real app-proxy authentication, stored in the test database. */

const SHOP = "proxy-contact.myshopify.com";

function proxied(body: unknown, ip = "203.0.113.60") {
  return proxiedJsonPost("/contact", { shop: SHOP, body, ip });
}

async function post(body: unknown, ip?: string) {
  const response = await action({ request: proxied(body, ip), params: {}, context: {} });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function contact(overrides: Record<string, unknown> = {}) {
  return {
    submissionKey: randomUUID(),
    name: "Emma Johnson",
    email: "Emma.Johnson@example.com",
    message: "My parcel has not arrived.",
    orderNumber: "#1001",
    locale: "fr",
    context: {
      searches: ["where is my parcel", "delivery time"],
      articles: [{ id: "shipping-times", title: "Shipping times" }],
      eligibility: [{ order: "#1001", line: "Blue shirt", eligible: false, reason: "window_ended" }],
      page: "/pages/help",
    },
    ...overrides,
  };
}

beforeAll(async () => {
  await prisma.session.upsert({
    where: { id: `offline_${SHOP}` },
    create: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_test", scope: "" },
    update: {},
  });
});

beforeEach(async () => {
  await prisma.contactRequest.deleteMany({ where: { shop: SHOP } });
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `contact-ip:${SHOP}:` } } });
  configureContactLimit({ points: 3, durationSeconds: 600 });
});

// The merchant is notified in the background: nothing of one test may still be writing during the next.
afterEach(() => settleNotifications());

function stored(result: StoreResult) {
  if (result.outcome !== "stored") throw new Error(`expected a stored request, got ${result.outcome}`);
  return result;
}

describe("POST /proxy/contact", () => {
  it("stores a guest's request with its context and answers a human reference", async () => {
    const body = contact();
    const result = await post(body);
    expect(result.status).toBe(201);
    expect(result.headers.get("cache-control")).toBe("no-store");
    expect(result.body.reference).toMatch(new RegExp(`^R-[${REFERENCE_ALPHABET}]{6}$`));
    const row = await prisma.contactRequest.findUniqueOrThrow({
      where: { shop_reference: { shop: SHOP, reference: result.body.reference } },
    });
    expect(row).toMatchObject({
      name: "Emma Johnson",
      email: "emma.johnson@example.com",
      message: "My parcel has not arrived.",
      orderName: "#1001",
      orderId: null,
      customerId: null,
      locale: "fr",
      status: "open",
    });
    await settleNotifications();
    const context = JSON.parse((await prisma.contactRequest.findUniqueOrThrow({ where: { id: row.id } })).context);
    expect(context).toMatchObject({
      searches: ["where is my parcel", "delivery time"],
      articles: [{ id: "shipping-times", title: "Shipping times" }],
      eligibility: [{ order: "#1001", eligible: false, reason: "window_ended" }],
      page: "/pages/help",
      // A guest's order number is what they typed, never checked.
      orderVerified: false,
      // No SMTP in the test environment: the request says the merchant was not emailed.
      notification: "not_configured",
    });
    // Only a hash of the submission key is kept, in its own column.
    expect(row.submissionKey).toMatch(/^[0-9a-f]{32}$/);
    expect(context).not.toHaveProperty("submissionKey");
    expect(row.context).not.toContain(body.submissionKey);
  });

  it("stores an order number typed in Arabic-Indic or full-width digits as the ASCII one the merchant prints", async () => {
    for (const [typed, orderName] of [
      ["＃１００１", "#1001"],
      ["١٠٠٢", "#1002"],
      ["#۱۰۰۳", "#1003"],
    ]) {
      const result = await post(contact({ orderNumber: typed }));
      expect(result.status, typed).toBe(201);
      const row = await prisma.contactRequest.findUniqueOrThrow({
        where: { shop_reference: { shop: SHOP, reference: result.body.reference } },
      });
      expect(row.orderName).toBe(orderName);
    }
  });

  it("stores one request for a double click (the same submission key) and gives the same reference", async () => {
    const body = contact();
    const [first, second] = [await post(body), await post(body)];
    expect(second.body.reference).toBe(first.body.reference);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
  });

  it.each([2, 5])("stores one request for %i identical submissions arriving at the same moment", async (copies) => {
    configureContactLimit({ points: 10, durationSeconds: 600 });
    const body = contact();
    const answers = await Promise.all(Array.from({ length: copies }, () => post(body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(copies).fill(201));
    const [reference] = answers.map((answer) => answer.body.reference);
    expect(reference).toMatch(/^R-/);
    expect(answers.map((answer) => answer.body.reference)).toEqual(Array(copies).fill(reference));
    const rows = await prisma.contactRequest.findMany({ where: { shop: SHOP } });
    expect(rows.map((row) => row.reference)).toEqual([reference]);
  });

  it("refuses a submission key reused with another email, and keeps the first request as it was", async () => {
    const body = contact();
    const first = await post(body);
    const reused = await post({ ...body, email: "mallory@example.com", message: "Tell me about Emma's order" });
    expect(reused.status).toBe(409);
    expect(reused.body).toEqual({ error: "submission_key_reused" });
    expect(JSON.stringify(reused.body)).not.toContain(first.body.reference);
    const rows = await prisma.contactRequest.findMany({ where: { shop: SHOP } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reference: first.body.reference, email: "emma.johnson@example.com" });
    // The same key with the same email, typed in another case, is still the same submission.
    const retry = await post({ ...body, email: "EMMA.JOHNSON@example.com" });
    expect([retry.status, retry.body.reference]).toEqual([201, first.body.reference]);
  });

  it("answers a retry refused by the limit with the stored reference", async () => {
    configureContactLimit({ points: 1, durationSeconds: 600 });
    const body = contact();
    const first = await post(body);
    expect((await post(contact())).status).toBe(429);
    const retry = await post(body);
    expect([retry.status, retry.body.reference]).toEqual([201, first.body.reference]);
  });

  it("answers invalid input with field keys and stores nothing", async () => {
    const result = await post(
      contact({ email: "not-an-email", message: "", context: { searches: Array(11).fill("a") } }),
    );
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      error: "invalid_input",
      fields: { email: "invalid", message: "required", context: "invalid" },
    });
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("stores markup as the plain text typed, without reflecting it", async () => {
    const result = await post(contact({ name: XSS, message: XSS, context: { searches: [XSS], page: XSS } }));
    expect(result.status).toBe(201);
    expect(JSON.stringify(result.body)).not.toContain("<script>");
    const row = await prisma.contactRequest.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row.message).toBe(XSS);
    expect(row.name).toBe(XSS);
  });

  it("answers 429 with Retry-After past the visitor's limit; another visitor still gets through", async () => {
    for (let i = 0; i < 3; i++) expect((await post(contact())).status).toBe(201);
    const refused = await post(contact());
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post(contact(), "203.0.113.61")).status).toBe(201);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(4);
  });
});

describe("a signed-in shopper's order", () => {
  const submit = (found: { id: string; name: string } | null) =>
    submitContactRequest({
      shop: SHOP,
      ip: "203.0.113.70",
      customerId: "7001",
      input: contactInputSchema.parse(contact({ orderNumber: "1001" })),
      findOrder: async (customerId, orderNumber) => {
        expect([customerId, orderNumber]).toEqual(["7001", "1001"]);
        return found;
      },
    });

  it("is verified as theirs and stored with its id", async () => {
    const result = await submit({ id: "gid://shopify/Order/1001", name: "#1001" });
    expect(result.outcome).toBe("stored");
    const row = await prisma.contactRequest.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row).toMatchObject({ customerId: "7001", orderId: "gid://shopify/Order/1001", orderName: "#1001" });
    expect(JSON.parse(row.context).orderVerified).toBe(true);
  });

  it("is refused when it is not theirs, and nothing is stored", async () => {
    expect(await submit(null)).toEqual({ outcome: "order_not_found" });
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("costs the shopper no rate-limit point when their request fails on our side", async () => {
    configureContactLimit({ points: 1, durationSeconds: 600 });
    const failing = submitContactRequest({
      shop: SHOP,
      ip: "203.0.113.70",
      customerId: "7001",
      input: contactInputSchema.parse(contact({ orderNumber: "1001" })),
      findOrder: async () => {
        throw new Error("the order lookup broke");
      },
    });
    await expect(failing).rejects.toThrow("the order lookup broke");
    expect((await submit({ id: "gid://shopify/Order/1001", name: "#1001" })).outcome).toBe("stored");
  });
});

describe("references", () => {
  it("draws another reference when the first is taken in the shop", async () => {
    const input = contactInputSchema.parse(contact());
    const taken = stored(
      await storeContactRequest(
        { shop: SHOP, input, shopper: { customerId: null, order: null }, nextReference: () => "R-AAAAAA" },
        prisma,
      ),
    );
    const draws = ["R-AAAAAA", "R-CCCCCC"];
    const next = stored(
      await storeContactRequest(
        {
          shop: SHOP,
          input: contactInputSchema.parse(contact()),
          shopper: { customerId: null, order: null },
          nextReference: () => draws.shift()!,
        },
        prisma,
      ),
    );
    expect(taken.reference).toBe("R-AAAAAA");
    expect(next.reference).toBe("R-CCCCCC");
  });
});

describe("submission keys", () => {
  const store = (input: ReturnType<typeof contactInputSchema.parse>) =>
    storeContactRequest({ shop: SHOP, input, shopper: { customerId: null, order: null } });

  it("stores one request when the same submission is stored five times at once, without checking first", async () => {
    const input = contactInputSchema.parse(contact());
    const results = (await Promise.all(Array.from({ length: 5 }, () => store(input)))).map(stored);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.reference)).size).toBe(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("refuses the same key with two emails at once: one is stored, the other told the key is taken", async () => {
    const body = contact();
    const results = await Promise.all([
      store(contactInputSchema.parse(body)),
      store(contactInputSchema.parse({ ...body, email: "noah.brown@example.com" })),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(["stored", "submission_key_reused"]);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("is per shop: the same key in two shops stores two requests", async () => {
    const OTHER = "proxy-contact-keys.myshopify.com";
    await prisma.contactRequest.deleteMany({ where: { shop: OTHER } });
    const input = contactInputSchema.parse(contact());
    const here = stored(await store(input));
    const there = stored(await storeContactRequest({ shop: OTHER, input, shopper: { customerId: null, order: null } }));
    expect([here.created, there.created]).toEqual([true, true]);
    await prisma.contactRequest.deleteMany({ where: { shop: OTHER } });
  });

  it("keeps requests stored before the key had a column: no key, the old key hidden from the merchant", async () => {
    const legacy = (reference: string) =>
      prisma.contactRequest.create({
        data: {
          shop: SHOP,
          reference,
          name: "Emma Johnson",
          email: "emma.johnson@example.com",
          message: "Stored last year",
          locale: "en",
          context: JSON.stringify({
            searches: ["refund"],
            articles: [],
            eligibility: [],
            orderVerified: false,
            submissionKey: "0123456789abcdef0123456789abcdef",
            notification: "sent",
          }),
        },
      });
    // Any number of requests without a key live side by side (NULLs are distinct in the unique index).
    const [old] = [await legacy("R-AAAAAA"), await legacy("R-CCCCCC")];
    expect(await prisma.contactRequest.count({ where: { shop: SHOP, submissionKey: null } })).toBe(2);
    const shown = await getContactRequest(SHOP, old.id);
    expect(shown).toMatchObject({ reference: "R-AAAAAA", context: { searches: ["refund"], notification: "sent" } });
    expect(shown!.context).not.toHaveProperty("submissionKey");
    expect(shown).not.toHaveProperty("submissionKey");
    const source = personalDataSources.find((candidate) => candidate.name === "Contact requests")!;
    const exported = await source.exportCustomer(
      { shop: SHOP, customer: { id: "42", email: "emma.johnson@example.com" }, orderIds: [] },
      prisma,
    );
    expect(exported).toHaveLength(2);
    expect(JSON.stringify(exported)).not.toMatch(/submissionKey|0123456789abcdef/);
  });
});

describe("compliance", () => {
  it("exports and redacts a customer's requests by email or id, and deletes the shop's", async () => {
    await post(contact());
    await post(contact({ email: "noah.brown@example.com" }));
    const source = personalDataSources.find((candidate) => candidate.name === "Contact requests")!;
    const exported = await source.exportCustomer(
      { shop: SHOP, customer: { id: "42", email: "EMMA.johnson@example.com" }, orderIds: [] },
      prisma,
    );
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ message: "My parcel has not arrived.", orderName: "#1001" });
    expect(JSON.stringify(exported)).not.toContain("submissionKey");
    expect(
      await source.redactCustomer(
        { shop: SHOP, customer: { id: "42", email: "emma.johnson@example.com" }, orderIds: [] },
        prisma,
      ),
    ).toBe(1);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
    expect(await source.redactShop(SHOP, prisma)).toBeGreaterThanOrEqual(1);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("the merchant's inbox", () => {
  const OTHER_SHOP = "proxy-contact-other.myshopify.com";
  const store = async (shop: string, email: string) =>
    stored(
      await storeContactRequest({
        shop,
        input: contactInputSchema.parse(contact({ email })),
        shopper: { customerId: null, order: null },
      }),
    );

  beforeEach(() => prisma.contactRequest.deleteMany({ where: { shop: OTHER_SHOP } }));

  // The inbox as the admin pages use it.
  const listContactRequests = (shop: string, filters: Partial<InboxFilters>) =>
    listInbox(shop, inboxFiltersSchema.parse(filters));
  const setContactRequestStatus = async (shop: string, id: string, status: "open" | "resolved") =>
    (await changeRequestStatus(shop, id, status)) !== "not_found";

  it("lists open requests newest first, finds one by reference or email, and pages", async () => {
    const first = await store(SHOP, "emma.johnson@example.com");
    await store(SHOP, "noah.brown@example.com");
    await store(OTHER_SHOP, "emma.johnson@example.com");
    const open = await listContactRequests(SHOP, { status: "open" });
    expect(open.requests.map((r) => r.email)).toEqual(["noah.brown@example.com", "emma.johnson@example.com"]);
    expect(open.hasNextPage).toBe(false);
    const byReference = await listContactRequests(SHOP, {
      status: "open",
      query: first.reference.slice(2).toLowerCase(),
    });
    expect(byReference.requests.map((r) => r.id)).toEqual([first.id]);
    // A code that starts with R (part of the alphabet) is found with and without the "R-" prefix.
    const startsWithR = await prisma.contactRequest.update({
      where: { id: first.id },
      data: { reference: "R-RK3QX9" },
    });
    for (const search of ["rk3qx9", "R-RK3QX9"]) {
      const found = await listContactRequests(SHOP, { status: "open", query: search });
      expect(found.requests.map((r) => r.id)).toEqual([startsWithR.id]);
    }
    expect((await listContactRequests(SHOP, { status: "open", query: "NOAH" })).requests).toHaveLength(1);
    for (let i = 0; i < INBOX_PAGE_SIZE; i++) await store(SHOP, `shopper${i}@example.com`);
    const page2 = await listContactRequests(SHOP, { status: "open", page: 2 });
    expect([page2.requests.length, page2.hasNextPage]).toEqual([2, false]);
    expect((await listContactRequests(SHOP, { status: "open" })).hasNextPage).toBe(true);
  });

  it("resolves and reopens a request of the shop only, and shows it with its context", async () => {
    const mine = await store(SHOP, "emma.johnson@example.com");
    const theirs = await store(OTHER_SHOP, "emma.johnson@example.com");
    expect(await setContactRequestStatus(SHOP, theirs.id, "resolved")).toBe(false);
    expect(await getContactRequest(SHOP, theirs.id)).toBeNull();
    expect(await setContactRequestStatus(SHOP, mine.id, "resolved")).toBe(true);
    expect((await listContactRequests(SHOP, { status: "open" })).requests).toHaveLength(0);
    const resolved = await getContactRequest(SHOP, mine.id);
    expect(resolved).toMatchObject({
      status: "resolved",
      context: { searches: ["where is my parcel", "delivery time"] },
    });
    expect(resolved!.resolvedAt).not.toBeNull();
    expect(resolved!.context).not.toHaveProperty("submissionKey");
    expect(resolved).not.toHaveProperty("submissionKey");
    expect(await setContactRequestStatus(SHOP, mine.id, "open")).toBe(true);
    expect(await getContactRequest(SHOP, mine.id)).toMatchObject({ status: "open", resolvedAt: null });
  });
});
