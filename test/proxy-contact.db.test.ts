import { randomUUID } from "node:crypto";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { signAppProxyParams } from "../emulator/signing";
import prisma from "../app/db.server";
import {
  configureContactLimit,
  REFERENCE_ALPHABET,
  storeContactRequest,
  getContactRequest,
  INBOX_PAGE_SIZE,
  listContactRequests,
  setContactRequestStatus,
  submitContactRequest,
  contactInputSchema,
} from "../app/models/ContactRequest.server";
import { personalDataSources } from "../app/services/compliance/personal-data.server";
import { action } from "../app/routes/proxy.contact";
import { TEST_APP_ENV } from "./app-env";

/** POST /apps/resolve/contact as a guest, through the real app-proxy authentication, stored in the test database. */

const SHOP = "proxy-contact.myshopify.com";

function proxied(body: unknown, ip = "203.0.113.60") {
  const params: Record<string, string> = {
    shop: SHOP,
    logged_in_customer_id: "",
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, TEST_APP_ENV.SHOPIFY_API_SECRET);
  return new Request(`${TEST_APP_ENV.SHOPIFY_APP_URL}/proxy/contact?${new URLSearchParams(params)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify(body),
  });
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
    const context = JSON.parse(row.context);
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
    // Only a hash of the submission key is kept.
    expect(context.submissionKey).toMatch(/^[0-9a-f]{32}$/);
    expect(row.context).not.toContain(body.submissionKey);
  });

  it("stores one request for a double click (the same submission key) and gives the same reference", async () => {
    const body = contact();
    const [first, second] = [await post(body), await post(body)];
    expect(second.body.reference).toBe(first.body.reference);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
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
});

describe("references", () => {
  it("draws another reference when the first is taken in the shop", async () => {
    const input = contactInputSchema.parse(contact());
    const taken = await storeContactRequest(SHOP, input, { customerId: null, order: null }, prisma, () => "R-AAAAAA");
    const draws = ["R-AAAAAA", "R-CCCCCC"];
    const next = await storeContactRequest(
      SHOP,
      contactInputSchema.parse(contact()),
      { customerId: null, order: null },
      prisma,
      () => draws.shift()!,
    );
    expect(taken.reference).toBe("R-AAAAAA");
    expect(next.reference).toBe("R-CCCCCC");
  });
});

describe("compliance", () => {
  it("exports and redacts a customer's requests by email or id, and deletes the shop's", async () => {
    await post(contact());
    await post(contact({ email: "noah.brown@example.com" }));
    const source = personalDataSources.find((candidate) => candidate.name === "Contact requests")!;
    const exported = await source.exportCustomer(prisma, SHOP, { id: "42", email: "EMMA.johnson@example.com" }, []);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ message: "My parcel has not arrived.", orderName: "#1001" });
    expect(JSON.stringify(exported)).not.toContain("submissionKey");
    expect(await source.redactCustomer(prisma, SHOP, { id: "42", email: "emma.johnson@example.com" }, [])).toBe(1);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
    expect(await source.redactShop(prisma, SHOP)).toBeGreaterThanOrEqual(1);
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("the merchant's inbox", () => {
  const OTHER_SHOP = "proxy-contact-other.myshopify.com";
  const store = (shop: string, email: string) =>
    storeContactRequest(shop, contactInputSchema.parse(contact({ email })), { customerId: null, order: null });

  beforeEach(() => prisma.contactRequest.deleteMany({ where: { shop: OTHER_SHOP } }));

  it("lists open requests newest first, finds one by reference or email, and pages", async () => {
    const first = await store(SHOP, "emma.johnson@example.com");
    await store(SHOP, "noah.brown@example.com");
    await store(OTHER_SHOP, "emma.johnson@example.com");
    const open = await listContactRequests(SHOP, { status: "open" });
    expect(open.requests.map((r) => r.email)).toEqual(["noah.brown@example.com", "emma.johnson@example.com"]);
    expect(open.hasNextPage).toBe(false);
    const byReference = await listContactRequests(SHOP, {
      status: "open",
      search: first.reference.slice(2).toLowerCase(),
    });
    expect(byReference.requests.map((r) => r.id)).toEqual([first.id]);
    // A code that starts with R (part of the alphabet) is found with and without the "R-" prefix.
    const startsWithR = await prisma.contactRequest.update({
      where: { id: first.id },
      data: { reference: "R-RK3QX9" },
    });
    for (const search of ["rk3qx9", "R-RK3QX9"]) {
      const found = await listContactRequests(SHOP, { status: "open", search });
      expect(found.requests.map((r) => r.id)).toEqual([startsWithR.id]);
    }
    expect((await listContactRequests(SHOP, { status: "open", search: "NOAH" })).requests).toHaveLength(1);
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
    expect(await setContactRequestStatus(SHOP, mine.id, "open")).toBe(true);
    expect(await getContactRequest(SHOP, mine.id)).toMatchObject({ status: "open", resolvedAt: null });
  });
});
