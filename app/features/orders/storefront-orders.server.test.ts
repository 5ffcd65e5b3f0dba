import { describe, expect, it } from "vitest";

import { orderRefSchema, sameOrderName } from "./storefront-orders.server";

describe("an order reference from the storefront", () => {
  it("accepts an order number as shoppers type it, with or without #", () => {
    expect(orderRefSchema.parse("1001")).toEqual({ kind: "name", value: "1001" });
    expect(orderRefSchema.parse(" #1001 ")).toEqual({ kind: "name", value: "1001" });
    expect(orderRefSchema.parse("EU-1001")).toEqual({ kind: "name", value: "EU-1001" });
  });

  it("reads Arabic-Indic, Eastern Arabic-Indic and full-width digits and # as the order number they spell", () => {
    for (const typed of ["١٠٠١", "#١٠٠١", "۱۰۰۱", "１００１", "＃１００１", "﹟1001", " ＃１００１ "]) {
      expect(orderRefSchema.parse(typed), typed).toEqual({ kind: "name", value: "1001" });
    }
    expect(orderRefSchema.parse("ＥＵ－１００１")).toEqual({ kind: "name", value: "EU-1001" });
    expect(orderRefSchema.safeParse("１００１　ＯＲ　name:1002").success).toBe(false);
  });

  it("accepts the order id the order list gives", () => {
    expect(orderRefSchema.parse("gid://shopify/Order/5800000016")).toEqual({ kind: "id", value: "5800000016" });
  });

  it("refuses anything that could change the meaning of a Shopify search or carry markup", () => {
    for (const hostile of [
      "1001 OR name:1002",
      "1001 customer_id:1",
      "name:*",
      "*",
      "<script>alert(1)</script>",
      '1001"',
      "",
      "gid://shopify/Customer/1",
      "-1001",
    ]) {
      expect(orderRefSchema.safeParse(hostile).success, hostile).toBe(false);
    }
  });

  it("matches Shopify's order name to what the shopper typed, ignoring # and case", () => {
    expect(sameOrderName("#1001", "1001")).toBe(true);
    expect(sameOrderName("#EU-1001", "eu-1001")).toBe(true);
    expect(sameOrderName("#10010", "1001")).toBe(false);
    expect(sameOrderName("#1001", "100")).toBe(false);
  });
});
