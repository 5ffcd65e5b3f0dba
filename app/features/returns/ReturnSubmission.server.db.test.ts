import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { personalDataSources } from "../compliance/personal-data.server";
import {
  FILING_LEASE_MS,
  claimFiling,
  findSubmission,
  listOrderSubmissions,
  recordFailed,
  recordFiled,
  storeSubmission,
  waitWhileFiling,
  type SubmissionRequest,
} from "./ReturnSubmission.server";

const SHOP = "return-submission.myshopify.com";
const OTHER_SHOP = "return-submission-other.myshopify.com";
const KEY = "3f8a3c1e-2b7d-4c4e-9a51-0d6f1b2c3d4e";
const ORDER = "gid://shopify/Order/1016";

function request(overrides: Partial<SubmissionRequest> = {}): SubmissionRequest {
  return {
    orderId: ORDER,
    lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1 }],
    reasonId: "gid://shopify/ReturnReasonDefinition/1",
    note: null,
    resolution: "refund",
    exchangeVariantId: null,
    ...overrides,
  };
}

const source = personalDataSources.find((candidate) => candidate.name === "Storefront return submissions")!;

beforeEach(async () => {
  await prisma.returnSubmission.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
});

describe("storeSubmission", () => {
  it("stores the submission as pending before anything is filed", async () => {
    const stored = await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() });
    expect(stored.outcome).toBe("created");
    const found = await findSubmission(SHOP, KEY);
    expect(found).toMatchObject({ status: "pending", orderId: ORDER, customerId: "7", shopifyReturnId: null });
    expect(found?.request.lines).toEqual([{ lineItemId: "gid://shopify/LineItem/1", quantity: 1 }]);
  });

  it("answers a retry with the same key with the stored submission, never a second row", async () => {
    const first = await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() });
    const again = await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() });
    expect(again.outcome).toBe("existing");
    expect(again.outcome === "existing" && first.outcome === "created" && again.submission.id).toBe(
      first.outcome === "created" && first.submission.id,
    );
    expect(await prisma.returnSubmission.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("keeps exactly one row for two concurrent identical submissions", async () => {
    const results = await Promise.all([
      storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() }),
      storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() }),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(["created", "existing"]);
    expect(await prisma.returnSubmission.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("never hands one customer's submission to another customer reusing the key", async () => {
    await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() });
    const other = await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "8", request: request() });
    expect(other).toEqual({ outcome: "key_conflict" });
    const otherOrder = await storeSubmission({
      shop: SHOP,
      idempotencyKey: KEY,
      customerId: "7",
      request: request({ orderId: "gid://shopify/Order/99" }),
    });
    expect(otherOrder).toEqual({ outcome: "key_conflict" });
  });

  it("scopes keys by shop", async () => {
    await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() });
    const elsewhere = await storeSubmission({
      shop: OTHER_SHOP,
      idempotencyKey: KEY,
      customerId: "7",
      request: request(),
    });
    expect(elsewhere.outcome).toBe("created");
    expect(await findSubmission(OTHER_SHOP, "another-key")).toBeNull();
  });

  it("stores HTML in a note as the text the shopper typed", async () => {
    const note = '<img src=x onerror="alert(1)"> too small';
    await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request({ note }) });
    expect((await findSubmission(SHOP, KEY))?.request.note).toBe(note);
  });
});

describe("filing lease", () => {
  async function stored() {
    const result = await storeSubmission({ shop: SHOP, idempotencyKey: KEY, customerId: "7", request: request() });
    if (result.outcome !== "created") throw new Error("not created");
    return result.submission;
  }

  it("lets exactly one of two concurrent requests file the submission", async () => {
    const submission = await stored();
    const claims = await Promise.all([claimFiling(SHOP, submission.id), claimFiling(SHOP, submission.id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("does not file a filed submission again", async () => {
    const submission = await stored();
    expect(await claimFiling(SHOP, submission.id)).toBe(true);
    const filed = await recordFiled(SHOP, submission.id, { id: "gid://shopify/Return/1", status: "REQUESTED" });
    expect(filed).toMatchObject({
      status: "filed",
      shopifyReturnId: "gid://shopify/Return/1",
      shopifyStatus: "REQUESTED",
    });
    expect(await claimFiling(SHOP, submission.id)).toBe(false);
  });

  it("lets a retry file a submission that failed, and keeps the failure's key until then", async () => {
    const submission = await stored();
    await claimFiling(SHOP, submission.id);
    expect(await recordFailed(SHOP, submission.id, "shopify_unavailable")).toMatchObject({
      status: "failed",
      error: "shopify_unavailable",
    });
    expect(await claimFiling(SHOP, submission.id)).toBe(true);
    expect((await findSubmission(SHOP, KEY))?.error).toBeNull();
  });

  it("takes over a lease only once its holder has been silent longer than the lease", async () => {
    const submission = await stored();
    const start = new Date();
    expect(await claimFiling(SHOP, submission.id, start, prisma)).toBe(true);
    expect(await claimFiling(SHOP, submission.id, new Date(start.getTime() + 1000), prisma)).toBe(false);
    expect(await claimFiling(SHOP, submission.id, new Date(start.getTime() + FILING_LEASE_MS + 1000), prisma)).toBe(
      true,
    );
  });

  it("another shop cannot claim or record this shop's submission", async () => {
    const submission = await stored();
    expect(await claimFiling(OTHER_SHOP, submission.id)).toBe(false);
    await expect(
      recordFiled(OTHER_SHOP, submission.id, { id: "gid://shopify/Return/9", status: "OPEN" }),
    ).rejects.toThrow();
    expect((await findSubmission(SHOP, KEY))?.status).toBe("pending");
  });

  it("makes a second click wait for the first click's outcome", async () => {
    const submission = await stored();
    await claimFiling(SHOP, submission.id);
    const waiting = waitWhileFiling(SHOP, KEY, { pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    await recordFiled(SHOP, submission.id, { id: "gid://shopify/Return/2", status: "OPEN" });
    expect(await waiting).toMatchObject({ status: "filed", shopifyReturnId: "gid://shopify/Return/2" });
  });
});

describe("listOrderSubmissions", () => {
  it("lists only the customer's submissions for that order", async () => {
    await storeSubmission({ shop: SHOP, idempotencyKey: "a", customerId: "7", request: request() });
    await storeSubmission({ shop: SHOP, idempotencyKey: "b", customerId: "8", request: request() });
    await storeSubmission({
      shop: SHOP,
      idempotencyKey: "c",
      customerId: "7",
      request: request({ orderId: "gid://shopify/Order/2" }),
    });
    const listed = await listOrderSubmissions(SHOP, "7", ORDER);
    expect(listed.map((submission) => submission.idempotencyKey)).toEqual(["a"]);
  });
});

describe("personal data", () => {
  it("exports the customer's submissions with their note, and nobody else's", async () => {
    await storeSubmission({
      shop: SHOP,
      idempotencyKey: "a",
      customerId: "7",
      request: request({ note: "Too small" }),
    });
    await storeSubmission({ shop: SHOP, idempotencyKey: "b", customerId: "8", request: request() });
    const exported = await source.exportCustomer({ shop: SHOP, customer: { id: "7" }, orderIds: [] }, prisma);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ orderId: ORDER, status: "pending", request: { note: "Too small" } });
  });

  it("deletes a redacted customer's submissions only", async () => {
    await storeSubmission({ shop: SHOP, idempotencyKey: "a", customerId: "7", request: request() });
    await storeSubmission({ shop: SHOP, idempotencyKey: "b", customerId: "8", request: request() });
    await storeSubmission({ shop: OTHER_SHOP, idempotencyKey: "a", customerId: "7", request: request() });
    expect(await source.redactCustomer({ shop: SHOP, customer: { id: "7" }, orderIds: [] }, prisma)).toBe(1);
    expect(await prisma.returnSubmission.count({ where: { shop: SHOP } })).toBe(1);
    expect(await prisma.returnSubmission.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });

  it("deletes everything of a redacted shop and nothing of another", async () => {
    await storeSubmission({ shop: SHOP, idempotencyKey: "a", customerId: "7", request: request() });
    await storeSubmission({ shop: OTHER_SHOP, idempotencyKey: "a", customerId: "7", request: request() });
    expect(await source.redactShop(SHOP, prisma)).toBe(1);
    expect(await prisma.returnSubmission.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });
});
