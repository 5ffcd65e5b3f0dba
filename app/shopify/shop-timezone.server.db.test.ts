import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulatorHarness } from "../../test/emulator-harness";

/** The shop's time zone from the emulator's Admin API (real library, document validated against 2026-10). */
const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../db.server");
const { unauthenticated } = await import("../shopify.server");
const { forgetShopTimezones, getShopTimezone } = await import("./shop-timezone.server");

const SHOP = emulator.shop;
const api = emulator.adminApi;
const admin = async () => (await unauthenticated.admin(SHOP)).admin;

beforeAll(() => installShop(prisma));

beforeEach(() => {
  api.reset();
  api.clearFaults();
  forgetShopTimezones();
});

describe("the shop's time zone for the inbox's dates", () => {
  it("is the shop's own, asked once an hour rather than on every page", async () => {
    const now = Date.now();
    expect(await getShopTimezone(await admin(), SHOP, now)).toBe("America/New_York");
    // Shopify is not asked again within the hour: a fault there changes nothing.
    api.injectFault({ kind: "throttled", times: 10 });
    expect(await getShopTimezone(await admin(), SHOP, now + 59 * 60 * 1000)).toBe("America/New_York");
    // After it, Shopify is asked again; when it does not answer, the page shows UTC instead of waiting.
    expect(await getShopTimezone(await admin(), SHOP, now + 61 * 60 * 1000)).toBe("UTC");
  });

  it("falls back to UTC at once when Shopify is throttled, and is not stuck there", async () => {
    api.injectFault({ kind: "throttled", times: 1 });
    const started = Date.now();
    expect(await getShopTimezone(await admin(), SHOP)).toBe("UTC");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await getShopTimezone(await admin(), SHOP)).toBe("America/New_York");
  });
});
