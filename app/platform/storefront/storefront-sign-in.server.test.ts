import { describe, expect, it } from "vitest";

import { signInUrl } from "./storefront-sign-in.server";

const returnUrl = (url: string) => new URL(url, "https://shop.example").searchParams.get("return_url");

describe("the sign-in link a guest gets", () => {
  it("brings the shopper back to the portal page the block is on, in their language", () => {
    const url = signInUrl("/apps/resolve", "/fr/pages/help");
    expect(url).toBe("/account/login?return_url=%2Ffr%2Fpages%2Fhelp");
    expect(returnUrl(url)).toBe("/fr/pages/help");
  });

  it("falls back to the page that made the request when the block does not say", () => {
    expect(returnUrl(signInUrl("/apps/resolve", undefined, "https://shop.example/pages/help?tab=track"))).toBe(
      "/pages/help?tab=track",
    );
  });

  it("never sends the shopper to another site or to a script", () => {
    for (const hostile of ["//evil.example/phish", "javascript:alert(1)", "/\\evil.example", "data:text/html,x"]) {
      expect(returnUrl(signInUrl("/apps/resolve", hostile)), hostile).toBe("/account");
    }
    // A full URL (a Referer) only lends its path: the shopper stays on the shop.
    expect(returnUrl(signInUrl("/apps/resolve", "https://evil.example/pages/help"))).toBe("/pages/help");
    expect(returnUrl(signInUrl("/apps/resolve", '/pages/help"><script>alert(1)</script>'))).toBe("/account");
  });

  it("never returns the shopper to the app proxy's API, wherever the merchant mounted it", () => {
    expect(returnUrl(signInUrl("/apps/resolve", "/apps/resolve/lookup"))).toBe("/account");
    expect(returnUrl(signInUrl("/tools/help-desk", "/tools/help-desk/orders", "/pages/help"))).toBe("/pages/help");
    expect(returnUrl(signInUrl("/tools/help-desk", "/apps/resolve-faq"))).toBe("/apps/resolve-faq");
  });
});
