import { describe, expect, it } from "vitest";

import type { ShipmentProblem, ShipmentStage } from "../../contracts/storefront-api";
import { maskEmail, orderStatus } from "./order-tracking.server";

const shipment = (status: string, stage: ShipmentStage, problem: ShipmentProblem | null = null) => ({
  status,
  stage,
  problem,
});

describe("the status an order list shows", () => {
  const open = { cancelledAt: null, displayFulfillmentStatus: "FULFILLED" };

  it("says cancelled before anything else", () => {
    expect(orderStatus({ ...open, cancelledAt: "2026-11-01T00:00:00Z" }, [])).toBe("cancelled");
  });

  it("says unfulfilled when nothing has shipped, and partially fulfilled when some lines wait", () => {
    expect(orderStatus({ ...open, displayFulfillmentStatus: "UNFULFILLED" }, [])).toBe("unfulfilled");
    expect(
      orderStatus({ ...open, displayFulfillmentStatus: "PARTIALLY_FULFILLED" }, [shipment("in_transit", "in_transit")]),
    ).toBe("partially_fulfilled");
  });

  it("puts a problem with any parcel first", () => {
    expect(orderStatus(open, [shipment("delivered", "delivered"), shipment("delayed", "in_transit", "delayed")])).toBe(
      "delayed",
    );
  });

  it("follows the parcel furthest behind, and says delivered only when every parcel is", () => {
    expect(orderStatus(open, [shipment("delivered", "delivered"), shipment("in_transit", "in_transit")])).toBe(
      "in_transit",
    );
    expect(orderStatus(open, [shipment("delivered", "delivered"), shipment("picked_up", "delivered")])).toBe(
      "delivered",
    );
    expect(orderStatus(open, [shipment("label_purchased", "preparing")])).toBe("label_purchased");
  });
});

describe("a masked email", () => {
  it("keeps the first character and the domain only", () => {
    expect(maskEmail("emma.johnson@example.com")).toBe("e***@example.com");
    expect(maskEmail("Ω@example.org")).toBe("Ω***@example.org");
  });

  it("is absent when the order has no email", () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail("not-an-email")).toBeNull();
  });
});
