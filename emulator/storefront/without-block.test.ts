import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../server";
import { renderInput } from "./fixtures.js";
import { EXTENSION_ASSETS_URL_PREFIX, renderStorefrontPage } from "./index.js";

/** The page chrome every help page has, with or without the block: the benchmark compares exactly this. */
function chrome(html: string) {
  return {
    title: html.match(/<h1 class="page-title">([^<]*)<\/h1>/)?.[1],
    shopperSwitch: html.includes('id="ShopperSwitchCustomer"'),
    appSection: html.includes('id="shopify-section-template--help__apps"'),
    footer: html.includes('class="site-footer"'),
  };
}

describe("storefront help page without the app block", () => {
  it("renders the same page with no block markup and no block assets", async () => {
    const withBlock = await renderStorefrontPage(renderInput());
    const without = await renderStorefrontPage(renderInput({ appBlock: false }));

    expect(withBlock).toContain('<div id="shopify-block-');
    expect(withBlock).toContain(EXTENSION_ASSETS_URL_PREFIX);
    expect(without).not.toContain("shopify-block");
    expect(without).not.toContain("resolve-portal");
    expect(without).not.toContain(EXTENSION_ASSETS_URL_PREFIX);
    expect(chrome(without)).toEqual(chrome(withBlock));
    expect(chrome(without)).toEqual({ title: "Help", shopperSwitch: true, appSection: true, footer: true });
  });

  describe("served by the emulator", () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({ appUrl: "http://127.0.0.1:9", apiKey: "key", apiSecret: "secret", scopes: "" });
    });
    afterAll(() => emulator.close());

    it("serves /pages/help?resolve_block=off without the block, and the block otherwise", async () => {
      const page = (query: string) => fetch(`${emulator.url}/pages/help${query}`).then((response) => response.text());
      const withBlock = await page("");
      const without = await page("?resolve_block=off");

      expect(withBlock).toContain('<div id="shopify-block-');
      expect(without).not.toContain("shopify-block");
      expect(without).not.toContain(EXTENSION_ASSETS_URL_PREFIX);
      expect(chrome(without)).toEqual(chrome(withBlock));
      expect(await page("?resolve_block=on")).toContain('<div id="shopify-block-');
    });
  });
});
