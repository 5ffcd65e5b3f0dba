import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import {
  changeRequestStatus,
  countInbox,
  getInboxRequest,
  INBOX_PAGE_SIZE,
  inboxFiltersSchema,
  listInbox,
  messageExcerpt,
} from "./ContactRequestInbox.server";

const SHOP = "inbox-model.myshopify.com";
const OTHER_SHOP = "inbox-model-other.myshopify.com";

let sequence = 0;
async function request(
  overrides: Partial<{
    shop: string;
    reference: string;
    name: string;
    email: string;
    message: string;
    status: string;
    orderId: string | null;
    orderName: string | null;
    context: object;
    createdAt: Date;
  }> = {},
) {
  sequence++;
  const { context, ...fields } = overrides;
  return prisma.contactRequest.create({
    data: {
      shop: SHOP,
      reference: `R-${String(sequence).padStart(6, "3")}`,
      name: "Emma Johnson",
      email: "emma@example.com",
      message: "Where is my parcel?",
      locale: "en",
      createdAt: new Date(Date.UTC(2026, 10, 1, 12, 0, sequence)),
      ...fields,
      context: JSON.stringify({ searches: [], articles: [], eligibility: [], orderVerified: false, ...context }),
    },
  });
}

const filters = (overrides: Record<string, unknown> = {}) => inboxFiltersSchema.parse(overrides);

beforeEach(async () => {
  await prisma.contactRequest.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
});

describe("the merchant's inbox", () => {
  it("lists open requests newest first by default, with the message's first line and the order's trust", async () => {
    await request({ reference: "R-AAAAAA", message: "\n  First question\nsecond line" });
    await request({ reference: "R-CCCCCC", orderName: "#1001", orderId: "gid://shopify/Order/1001" });
    await request({ reference: "R-DDDDDD", orderName: "#1002" });
    await request({ reference: "R-EEEEEE", status: "resolved" });
    await request({ shop: OTHER_SHOP, reference: "R-FFFFFF" });

    const { requests, hasNextPage } = await listInbox(SHOP, filters());
    expect(requests.map((row) => row.reference)).toEqual(["R-DDDDDD", "R-CCCCCC", "R-AAAAAA"]);
    expect(hasNextPage).toBe(false);
    expect(requests[2]!.excerpt).toBe("First question");
    expect(requests[1]).toMatchObject({ orderName: "#1001", orderVerified: true, status: "open" });
    expect(requests[0]).toMatchObject({ orderName: "#1002", orderVerified: false });

    const resolved = await listInbox(SHOP, filters({ status: "resolved" }));
    expect(resolved.requests.map((row) => row.reference)).toEqual(["R-EEEEEE"]);
    const all = await listInbox(SHOP, filters({ status: "all" }));
    expect(all.requests.map((row) => row.reference)).toEqual(["R-EEEEEE", "R-DDDDDD", "R-CCCCCC", "R-AAAAAA"]);
  });

  it("finds a request by its reference as the shopper quotes it, by part of the email, or by name in any case", async () => {
    await request({ reference: "R-7K3QX9", name: "Émile Zola", email: "emile@example.fr" });
    await request({ reference: "R-RAAAAA", name: "Alex Kim", email: "alex.kim@example.net" });
    const find = async (query: string) =>
      (await listInbox(SHOP, filters({ status: "all", query }))).requests.map((row) => row.reference);

    expect(await find("R-7K3QX9")).toEqual(["R-7K3QX9"]);
    expect(await find(" 7k3qx9 ")).toEqual(["R-7K3QX9"]);
    // A code starting with R is found without its "R-" too.
    expect(await find("raaaaa")).toEqual(["R-RAAAAA"]);
    expect(await find("EXAMPLE.NET")).toEqual(["R-RAAAAA"]);
    expect(await find("kim")).toEqual(["R-RAAAAA"]);
    expect(await find("Alex")).toEqual(["R-RAAAAA"]);
    expect(await find("alex k")).toEqual(["R-RAAAAA"]);
    expect(await find("nobody")).toEqual([]);
  });

  it("pages through requests and counts each status for the tabs, within the shop only", async () => {
    for (let i = 0; i < INBOX_PAGE_SIZE + 2; i++) await request();
    await request({ status: "resolved" });
    await request({ shop: OTHER_SHOP });

    const first = await listInbox(SHOP, filters());
    expect(first.requests).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.hasNextPage).toBe(true);
    const second = await listInbox(SHOP, filters({ page: "2" }));
    expect(second.requests).toHaveLength(2);
    expect(second.hasNextPage).toBe(false);
    expect(second.requests.some((row) => first.requests.some((earlier) => earlier.id === row.id))).toBe(false);

    expect(await countInbox(SHOP)).toEqual({ open: INBOX_PAGE_SIZE + 2, resolved: 1 });
    expect(await countInbox("empty.myshopify.com")).toEqual({ open: 0, resolved: 0 });
  });

  it("reads unusable filters from the URL as the defaults", () => {
    expect(filters({ status: "deleted", page: "-3", query: 42 })).toEqual({ status: "open", query: "", page: 1 });
    expect(filters({ status: "resolved", page: "4", query: "  emma " })).toEqual({
      status: "resolved",
      query: "emma",
      page: 4,
    });
  });
});

describe("resolving and reopening", () => {
  it("resolves once, keeps the first resolution time on a repeat, and reopens", async () => {
    const row = await request();
    expect(await changeRequestStatus(SHOP, row.id, "resolved")).toBe("changed");
    const resolvedAt = (await prisma.contactRequest.findUnique({ where: { id: row.id } }))!.resolvedAt;
    expect(resolvedAt).toBeInstanceOf(Date);

    expect(await changeRequestStatus(SHOP, row.id, "resolved")).toBe("unchanged");
    expect((await prisma.contactRequest.findUnique({ where: { id: row.id } }))!.resolvedAt).toEqual(resolvedAt);
    expect(await countInbox(SHOP)).toEqual({ open: 0, resolved: 1 });

    expect(await changeRequestStatus(SHOP, row.id, "open")).toBe("changed");
    const reopened = await prisma.contactRequest.findUnique({ where: { id: row.id } });
    expect(reopened).toMatchObject({ status: "open", resolvedAt: null });
  });

  it("cannot touch another shop's request or a missing one", async () => {
    const theirs = await request({ shop: OTHER_SHOP });
    expect(await changeRequestStatus(SHOP, theirs.id, "resolved")).toBe("not_found");
    expect(await changeRequestStatus(SHOP, "missing", "resolved")).toBe("not_found");
    expect((await prisma.contactRequest.findUnique({ where: { id: theirs.id } }))!.status).toBe("open");
  });
});

describe("one request's page", () => {
  it("reads the context the shopper built up, leaving out whatever is malformed, and never the key hash", async () => {
    const row = await request({
      orderName: "#1001",
      context: {
        searches: ["where is my parcel", 42],
        articles: [{ id: "shipping-times", title: "Shipping times" }, { id: "no-title" }],
        eligibility: [
          { order: "#1001", line: "Blue shirt", eligible: false, reason: "window_ended" },
          { order: "#1001", eligible: true },
        ],
        page: "/pages/help",
        notification: "failed",
        submissionKey: "0123456789abcdef",
      },
    });
    const found = await getInboxRequest(SHOP, row.id);
    expect(found).toMatchObject({
      reference: row.reference,
      status: "open",
      orderName: "#1001",
      orderVerified: false,
      createdAt: row.createdAt.toISOString(),
      resolvedAt: null,
      context: {
        searches: ["where is my parcel"],
        articles: [{ id: "shipping-times", title: "Shipping times" }],
        eligibility: [
          { order: "#1001", line: "Blue shirt", eligible: false, reason: "window_ended" },
          { order: "#1001", eligible: true },
        ],
        page: "/pages/help",
        notification: "failed",
      },
    });
    expect(JSON.stringify(found)).not.toContain("0123456789abcdef");
  });

  it("shows an old or empty context as nothing tried, and another shop's request as missing", async () => {
    const bare = await prisma.contactRequest.create({
      data: {
        shop: SHOP,
        reference: "R-GGGGGG",
        name: "A",
        email: "a@example.com",
        message: "Hi",
        locale: "en",
        context: "{}",
      },
    });
    expect((await getInboxRequest(SHOP, bare.id))!.context).toEqual({
      searches: [],
      articles: [],
      eligibility: [],
      page: null,
      notification: null,
      orderVerified: false,
    });
    const theirs = await request({ shop: OTHER_SHOP });
    expect(await getInboxRequest(SHOP, theirs.id)).toBeNull();
    expect(await getInboxRequest(SHOP, "missing")).toBeNull();
  });
});

describe("messageExcerpt", () => {
  it("shows the first non-empty line, cut at a word with an ellipsis when long", () => {
    expect(messageExcerpt("\n\nHello there\nmore")).toBe("Hello there");
    const long = "My parcel never arrived and the tracking page has said in transit for three weeks now please help";
    const excerpt = messageExcerpt(long, 40);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(41);
    expect(long.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt).toBe("My parcel never arrived and the…");
  });
});
