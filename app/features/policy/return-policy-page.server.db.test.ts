import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { recordAdminOperations, startEmulatorHarness } from "../../../test/emulator-harness";

/**
 * The policy page's use cases against the real Shopify library and the local emulator's Admin API (which
 * validates every document against the 2026-10 schema): Shopify's return reasons and the shop's collections,
 * saving checked against those reasons, and publishing what shoppers read.
 */

// The emulator must listen, and the library's fetch be routed to it, before the Shopify library is imported.
const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../../db.server");
const { unauthenticated } = await import("../../shopify.server");
const { getReturnPolicy } = await import("./ReturnPolicy.server");
const { loadReturnPolicyPage, saveReturnPolicyPage } = await import("./return-policy-page.server");

const SHOP = emulator.shop;
const api = emulator.adminApi;

/** Operation names the Admin API received, in order. */
const operations = recordAdminOperations(api);

const admin = async () => (await unauthenticated.admin(SHOP)).admin;

async function loaded() {
  const result = await loadReturnPolicyPage(await admin(), SHOP);
  if (!result.ok) throw new Error("Shopify was unavailable");
  return result.data;
}

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  api.reset();
  api.clearFaults();
  operations.length = 0;
  await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
  await prisma.publishState.deleteMany({ where: { shop: SHOP } });
});

describe("the policy page's data", () => {
  it("starts a first policy from every reason Shopify offers, with what the shop has to choose from", async () => {
    const data = await loaded();
    expect(data.saved).toBe(false);
    expect(data.reasons.map((reason) => reason.name)).toEqual([
      "Size too small",
      "Size too large",
      "Changed my mind",
      "Not as described",
      "Damaged or defective",
      "Wrong item sent",
      "Other",
    ]);
    expect(data.policy.reasons.map((reason) => reason.id)).toEqual(data.reasons.map((reason) => reason.id));
    // "Other" says nothing without a note.
    expect(data.policy.reasons.filter((reason) => reason.noteRequired).map((reason) => reason.handle)).toEqual([
      "other",
    ]);
    expect(data.collections.map((collection) => collection.title)).toEqual([
      "Accessories",
      "Final sale",
      "New arrivals",
      "Sale",
    ]);
    expect(data.currencyCode).toBe("USD");
    expect(data.timezone).toBe("America/New_York");
    expect(data.locales.map((locale) => locale.locale)).toEqual(["en", "fr", "de", "es"]);
  });

  it("leaves out saved reasons Shopify no longer offers, and says how many", async () => {
    const { reasons } = await loaded();
    await prisma.returnPolicy.create({
      data: {
        shop: SHOP,
        reviewedAt: new Date(),
        document: JSON.stringify({
          reasons: [
            { id: reasons[0]!.id, handle: reasons[0]!.handle },
            { id: "gid://shopify/ReturnReasonDefinition/987654", handle: "retired" },
          ],
        }),
      },
    });
    const data = await loaded();
    expect(data.policy.reasons.map((reason) => reason.id)).toEqual([reasons[0]!.id]);
    expect(data.withdrawnReasons).toBe(1);
  });

  it("shows the default policy, flagged, when the stored one cannot be read", async () => {
    await prisma.returnPolicy.create({ data: { shop: SHOP, document: "{broken" } });
    const data = await loaded();
    expect(data.unreadable).toBe(true);
    expect(data.policy.windowDays).toBe(30);
  });

  it("reports Shopify as unavailable when it keeps throttling, instead of failing the page", async () => {
    api.injectFault({ kind: "throttled", times: 30 });
    expect(await loadReturnPolicyPage(await admin(), SHOP)).toEqual({ ok: false, shopifyUnavailable: true });
  });
});

describe("saving from the policy page", () => {
  it("saves, then publishes the policy text and window shoppers read", async () => {
    const { reasons } = await loaded();
    const result = await saveReturnPolicyPage(await admin(), SHOP, {
      windowDays: "45",
      reasons: [{ id: reasons[1]!.id, handle: reasons[1]!.handle }],
      policyText: { en: "Returns within **45 days**.", fr: "Retours sous **45 jours**." },
    });
    expect(result).toMatchObject({ ok: true, publish: { ok: true } });
    expect((await getReturnPolicy(SHOP)).policy.windowDays).toBe(45);
    expect(operations).toContain("StorefrontSnapshotSet");
    const content = api.appDataMetafields().resolve ?? {};
    const english = JSON.parse(content.content_en!.value) as { policyHtml: string; returnWindowDays: number };
    expect(english.policyHtml).toContain("<strong>45 days</strong>");
    expect(english.returnWindowDays).toBe(45);
    expect((JSON.parse(content.content_fr!.value) as { policyHtml: string }).policyHtml).toContain("45 jours");

    // The page then shows the saved policy.
    const data = await loaded();
    expect(data.saved).toBe(true);
    expect(data.policy.reasons.map((reason) => reason.id)).toEqual([reasons[1]!.id]);
    expect(data.previewHtml.en).toContain("<strong>45 days</strong>");
  });

  it("refuses a reason Shopify does not offer: nothing saved, nothing published", async () => {
    const result = await saveReturnPolicyPage(await admin(), SHOP, {
      reasons: [{ id: "gid://shopify/ReturnReasonDefinition/987654", handle: "made-up" }],
    });
    expect(result).toEqual({ ok: false, fieldErrors: { "reasons.0.id": "unknownReason" } });
    expect(await prisma.returnPolicy.count({ where: { shop: SHOP } })).toBe(0);
    expect(operations).not.toContain("StorefrontSnapshotSet");
  });

  it("saves nothing while Shopify cannot say which reasons exist", async () => {
    api.injectFault({ kind: "throttled", times: 30 });
    const result = await saveReturnPolicyPage(await admin(), SHOP, { windowDays: "20" });
    expect(result).toEqual({ ok: false, shopifyUnavailable: true });
    expect(await prisma.returnPolicy.count({ where: { shop: SHOP } })).toBe(0);
  });
});
