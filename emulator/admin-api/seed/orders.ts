import type {
  FulfillmentDisplayStatus,
  OrderCancelReason,
  PaymentState,
  ReturnDeclineReason,
  ReturnStatus,
} from "../state";
import type { Carrier } from "./carriers";
import type { CustomerKey } from "./customers";

/**
 * One row per demo order, numbered #1001, #1002, … in table order. `why` says which situation the
 * order exists for; orders.test.ts checks every situation is still present.
 *
 * lines:  "handle[:variant title][ xQTY][ -PCT%]"  e.g. "linen-shirt:White / M x2 -20%"
 * ship:   one entry per fulfillment; `at`/`delivered` are days ago, `eta` days from now (negative =
 *         overdue); `lines` [lineIndex, quantity] pairs, default: everything not yet fulfilled.
 * returns: `lines` [lineIndex, quantity, reason handle, customer note?]; `refund` "lines" refunds the
 *         returned items, "full" also the shipping.
 */
export interface OrderSpec {
  why: string;
  who: CustomerKey | `guest:${string}`;
  daysAgo: number;
  lines: string[];
  ship?: ShipSpec[];
  returns?: ReturnSpec[];
  cancelled?: { daysAgo: number; reason: OrderCancelReason };
  payment?: PaymentState;
  /** Guests only: where they live (customers' orders follow the customer). */
  guestCountry?: "US" | "FR";
  guestLocale?: string;
  tags?: string[];
  note?: string;
}

export interface ShipSpec {
  at: number;
  status: FulfillmentDisplayStatus;
  carrier: Carrier | null;
  delivered?: number;
  eta?: number;
  lines?: [number, number][];
}

export interface ReturnSpec {
  at: number;
  status: ReturnStatus;
  lines: [number, number, string, string?][];
  decline?: ReturnDeclineReason;
  refund?: "lines" | "full";
}

// prettier-ignore
export const ORDER_SPECS: OrderSpec[] = [
  /* #1001 */ { why: "delivered long ago (90+ days)", who: "emma", daysAgo: 124, lines: ["classic-tee:M", "slim-chinos:32"], ship: [{ at: 123, status: "DELIVERED", carrier: "UPS", delivered: 119 }], tags: ["vip"] },
  /* #1002 */ { why: "delivered long ago (90+ days)", who: "liam", daysAgo: 97, lines: ["trail-runner:10"], ship: [{ at: 96, status: "DELIVERED", carrier: "USPS", delivered: 92 }] },
  /* #1003 */ { why: "guest; fulfilled with tracking, no delivery date", who: "guest:taylor.reed@example.net", daysAgo: 61, lines: ["canvas-tote", "socks-3pack x2"], ship: [{ at: 60, status: "FULFILLED", carrier: "USPS" }] },
  /* #1004 */ { why: "delivered 35 days ago", who: "emma", daysAgo: 41, lines: ["relaxed-hoodie:M"], ship: [{ at: 40, status: "DELIVERED", carrier: "FedEx", delivered: 35 }] },
  /* #1005 */ { why: "delivered 20 days ago", who: "noah", daysAgo: 25, lines: ["packable-rain-jacket:L", "wool-beanie"], ship: [{ at: 24, status: "DELIVERED", carrier: "UPS", delivered: 20 }] },
  /* #1006 */ { why: "EUR presentment, French customer, delivered recently, multi-line", who: "camille", daysAgo: 14, lines: ["linen-shirt:White / M", "classic-tee:S x2", "canvas-tote"], ship: [{ at: 13, status: "DELIVERED", carrier: "Colissimo", delivered: 9 }] },
  /* #1007 */ { why: "EUR presentment, German customer, in transit", who: "lukas", daysAgo: 6, lines: ["trail-runner:11"], ship: [{ at: 4, status: "IN_TRANSIT", carrier: "DHL Express", eta: 2 }] },
  /* #1008 */ { why: "CAD presentment, French-speaking customer, out for delivery", who: "sophie", daysAgo: 8, lines: ["relaxed-hoodie:S", "wool-beanie"], ship: [{ at: 5, status: "OUT_FOR_DELIVERY", carrier: "Canada Post", eta: 0 }] },
  /* #1009 */ { why: "delivered recently; 3 lines with quantities > 1", who: "emma", daysAgo: 6, lines: ["classic-tee:L x3", "socks-3pack x2", "water-bottle:Sage"], ship: [{ at: 5, status: "DELIVERED", carrier: "UPS", delivered: 2 }] },
  /* #1010 */ { why: "EUR presentment, Spanish customer, in transit with ETA", who: "olivia", daysAgo: 5, lines: ["cork-yoga-mat", "socks-3pack"], ship: [{ at: 3, status: "IN_TRANSIT", carrier: "DHL Express", eta: 3 }] },
  /* #1011 */ { why: "guest; in transit", who: "guest:alex.kim@example.net", daysAgo: 4, lines: ["polarized-sunglasses"], ship: [{ at: 3, status: "IN_TRANSIT", carrier: "FedEx", eta: 1 }] },
  /* #1012 */ { why: "unfulfilled", who: "ava", daysAgo: 3, lines: ["leather-belt:M"] },
  /* #1013 */ { why: "unfulfilled; multi-line with quantities > 1", who: "mason", daysAgo: 2, lines: ["slim-chinos:34 x2", "classic-tee:XL x2", "wool-beanie"] },
  /* #1014 */ { why: "unfulfilled; payment pending", who: "isabella", daysAgo: 1, lines: ["polarized-sunglasses"], payment: "PENDING" },
  /* #1015 */ { why: "partially fulfilled (one line shipped)", who: "liam", daysAgo: 12, lines: ["relaxed-hoodie:L", "trail-runner:9"], ship: [{ at: 10, status: "IN_TRANSIT", carrier: "UPS", eta: 1, lines: [[0, 1]] }] },
  /* #1016 */ { why: "partially fulfilled in two fulfillments", who: "noah", daysAgo: 18, lines: ["classic-tee:M x2", "slim-chinos:30", "leather-belt:L"], ship: [{ at: 17, status: "DELIVERED", carrier: "UPS", delivered: 13, lines: [[0, 1], [1, 1]] }, { at: 9, status: "IN_TRANSIT", carrier: "USPS", eta: 1, lines: [[0, 1]] }] },
  /* #1017 */ { why: "fulfilled in two fulfillments, both delivered", who: "mia", daysAgo: 20, lines: ["cork-yoga-mat", "water-bottle:Charcoal x2"], ship: [{ at: 19, status: "DELIVERED", carrier: "FedEx", delivered: 16, lines: [[0, 1]] }, { at: 15, status: "DELIVERED", carrier: "USPS", delivered: 12, lines: [[1, 2]] }] },
  /* #1018 */ { why: "partially returned (open return)", who: "emma", daysAgo: 30, lines: ["trail-runner:9", "classic-tee:S"], ship: [{ at: 29, status: "DELIVERED", carrier: "UPS", delivered: 24 }], returns: [{ at: 5, status: "OPEN", lines: [[0, 1, "size-too-small", "Runs half a size small"]] }] },
  /* #1019 */ { why: "fully returned and refunded (EUR)", who: "camille", daysAgo: 45, lines: ["relaxed-hoodie:M", "linen-shirt:Sand / L"], ship: [{ at: 44, status: "DELIVERED", carrier: "Colissimo", delivered: 39 }], returns: [{ at: 30, status: "CLOSED", lines: [[0, 1, "changed-my-mind"], [1, 1, "not-as-described"]], refund: "full" }] },
  /* #1020 */ { why: "return requested, awaiting approval", who: "ava", daysAgo: 22, lines: ["packable-rain-jacket:M"], ship: [{ at: 21, status: "DELIVERED", carrier: "UPS", delivered: 17 }], returns: [{ at: 1, status: "REQUESTED", lines: [[0, 1, "damaged-or-defective", "Zipper broke the first time I used it"]] }] },
  /* #1021 */ { why: "return declined as final sale", who: "mason", daysAgo: 35, lines: ["swim-shorts:M", "classic-tee:M"], ship: [{ at: 34, status: "DELIVERED", carrier: "USPS", delivered: 30 }], returns: [{ at: 20, status: "DECLINED", decline: "FINAL_SALE", lines: [[0, 1, "changed-my-mind"]] }] },
  /* #1022 */ { why: "final-sale items by tag, with a regular item", who: "isabella", daysAgo: 15, lines: ["swim-shorts:L", "gold-hoops", "classic-tee:S"], ship: [{ at: 14, status: "DELIVERED", carrier: "UPS", delivered: 10 }] },
  /* #1023 */ { why: "guest; Final sale collection item and discounted lines", who: "guest:jordan.blake@example.org", daysAgo: 16, lines: ["wrap-dress:S -40%", "linen-shirt:White / L -20%"], ship: [{ at: 15, status: "DELIVERED", carrier: "FedEx", delivered: 11 }] },
  /* #1024 */ { why: "gift card line with a physical item", who: "liam", daysAgo: 9, lines: ["gift-card:$50", "classic-tee:L"], ship: [{ at: 9, status: "FULFILLED", carrier: null, lines: [[0, 1]] }, { at: 8, status: "DELIVERED", carrier: "UPS", delivered: 4, lines: [[1, 1]] }] },
  /* #1025 */ { why: "gift card only", who: "noah", daysAgo: 3, lines: ["gift-card:$100"], ship: [{ at: 3, status: "FULFILLED", carrier: null }] },
  /* #1026 */ { why: "cancelled by the customer and refunded", who: "emma", daysAgo: 50, lines: ["polarized-sunglasses"], cancelled: { daysAgo: 49, reason: "CUSTOMER" } },
  /* #1027 */ { why: "guest; cancelled (out of stock), payment voided", who: "guest:casey.morgan@example.com", daysAgo: 7, lines: ["leather-belt:L"], cancelled: { daysAgo: 6, reason: "INVENTORY" }, payment: "VOIDED" },
  /* #1028 */ { why: "EUR; delivered 64 days ago", who: "lukas", daysAgo: 70, lines: ["packable-rain-jacket:L", "wool-beanie"], ship: [{ at: 69, status: "DELIVERED", carrier: "DHL Express", delivered: 64 }] },
  /* #1029 */ { why: "CAD; delivered long ago (90+ days)", who: "sophie", daysAgo: 104, lines: ["slim-chinos:32"], ship: [{ at: 103, status: "DELIVERED", carrier: "Canada Post", delivered: 98 }] },
  /* #1030 */ { why: "EUR; 4 lines with quantities > 1, delivered", who: "olivia", daysAgo: 28, lines: ["classic-tee:M x3", "socks-3pack x3", "canvas-tote x2", "water-bottle:Sage x2"], ship: [{ at: 27, status: "DELIVERED", carrier: "DHL Express", delivered: 23 }] },
  /* #1031 */ { why: "in transit and delayed (ETA passed)", who: "mia", daysAgo: 11, lines: ["relaxed-hoodie:L"], ship: [{ at: 9, status: "DELAYED", carrier: "FedEx", eta: -1 }] },
  /* #1032 */ { why: "guest; delivered recently", who: "guest:sam.patel@example.com", daysAgo: 13, lines: ["leather-belt:M", "wool-beanie"], ship: [{ at: 12, status: "DELIVERED", carrier: "USPS", delivered: 8 }] },
  /* #1033 */ { why: "delivered long ago (190+ days)", who: "isabella", daysAgo: 200, lines: ["trail-runner:8", "socks-3pack"], ship: [{ at: 199, status: "DELIVERED", carrier: "UPS", delivered: 194 }] },
  /* #1034 */ { why: "guest with French locale, EUR, unfulfilled", who: "guest:lea.moreau@example.fr", daysAgo: 2, lines: ["classic-tee:S", "wool-beanie"], guestCountry: "FR", guestLocale: "fr" },
  /* #1035 */ { why: "in transit; one line, quantity 3", who: "emma", daysAgo: 9, lines: ["socks-3pack x3"], ship: [{ at: 7, status: "IN_TRANSIT", carrier: "FedEx", eta: 1 }] },
  /* #1036 */ { why: "EUR; unfulfilled", who: "camille", daysAgo: 3, lines: ["cork-yoga-mat"] },
  /* #1037 */ { why: "partially returned (2 of 3 units)", who: "ava", daysAgo: 19, lines: ["classic-tee:XL x3"], ship: [{ at: 18, status: "DELIVERED", carrier: "UPS", delivered: 14 }], returns: [{ at: 3, status: "OPEN", lines: [[0, 2, "size-too-large"]] }] },
  /* #1038 */ { why: "guest; delivered 27 days ago", who: "guest:riley.ortiz@example.com", daysAgo: 33, lines: ["trail-runner:10"], ship: [{ at: 32, status: "DELIVERED", carrier: "FedEx", delivered: 27 }] },
  /* #1039 */ { why: "fully returned and refunded", who: "liam", daysAgo: 45, lines: ["polarized-sunglasses"], ship: [{ at: 44, status: "DELIVERED", carrier: "UPS", delivered: 40 }], returns: [{ at: 33, status: "CLOSED", lines: [[0, 1, "not-as-described"]], refund: "full" }] },
  /* #1040 */ { why: "placed today, unfulfilled", who: "noah", daysAgo: 0, lines: ["water-bottle:Charcoal", "socks-3pack"] },
  /* #1041 */ { why: "label purchased, not yet with the carrier", who: "mia", daysAgo: 2, lines: ["leather-belt:M"], ship: [{ at: 1, status: "LABEL_PURCHASED", carrier: "USPS", eta: 4 }] },
  /* #1042 */ { why: "delivery attempted", who: "isabella", daysAgo: 6, lines: ["packable-rain-jacket:S"], ship: [{ at: 4, status: "ATTEMPTED_DELIVERY", carrier: "UPS", eta: 1 }] },
  /* #1043 */ { why: "unfulfilled with a final-sale item", who: "emma", daysAgo: 2, lines: ["gold-hoops", "classic-tee:M"] },
  /* #1044 */ { why: "CAD; partially returned and partially refunded", who: "sophie", daysAgo: 60, lines: ["trail-runner:10", "wool-beanie x2"], ship: [{ at: 59, status: "DELIVERED", carrier: "Canada Post", delivered: 54 }], returns: [{ at: 40, status: "CLOSED", lines: [[1, 1, "wrong-item-sent"]], refund: "lines" }] },
  /* #1045 */ { why: "guest; marked as fulfilled without tracking", who: "guest:sam.patel@example.com", daysAgo: 100, lines: ["canvas-tote"], ship: [{ at: 99, status: "MARKED_AS_FULFILLED", carrier: null }] },
];
