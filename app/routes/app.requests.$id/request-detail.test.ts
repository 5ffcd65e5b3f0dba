import { describe, expect, it } from "vitest";

import { eligibilityText, languageName, orderAdminUrl } from "./request-detail";

describe("a request's page", () => {
  it("links a checked order to its page in the Shopify admin, and nothing else", () => {
    expect(orderAdminUrl("gid://shopify/Order/5123456789")).toBe("shopify://admin/orders/5123456789");
    expect(orderAdminUrl("#1011")).toBeNull();
  });

  it("names the shopper's language, or shows the code it cannot name", () => {
    expect(languageName("fr")).toBe("French");
    expect(languageName("pt-BR")).toBe("Brazilian Portuguese");
    expect(languageName("not a locale")).toBe("not a locale");
  });

  it("says why a line could not be returned, in the merchant's words", () => {
    expect(eligibilityText({ eligible: true })).toBe("Eligible for return");
    expect(eligibilityText({ eligible: false, reason: "window_ended" })).toBe("Not eligible: return window ended");
    expect(eligibilityText({ eligible: false, reason: "something_new" })).toBe("Not eligible: not returnable");
  });
});
