/**
 * The storefront API's answers (the block ⇄ the app, through the app proxy: docs/storefront-api.md), defined
 * once for both sides. Types only: the server modules import them, and so does the block's script in
 * storefront/ — always with `import type`, so nothing of the server reaches the browser bundle. Dates are ISO
 * 8601 strings (shop-local calendar days as `YYYY-MM-DD`), statuses lowercase keys the block translates.
 */

/** Shopify's MoneyV2: a decimal string (never a float) and an ISO 4217 code. */
export interface Money {
  amount: string;
  currencyCode: string;
}

/** Every error: `{ error: "<key>" }`, plus the fields some answers add. */
export interface ErrorAnswer {
  error: string;
  /** Field keys of a 400/422 answer, e.g. `{ email: "invalid" }`, `{ "lines.0.quantity": "over_returnable" }`. */
  fields?: Record<string, string>;
  /** `sign_in_required`: Shopify's sign-in, back to the page the block is on. */
  signInUrl?: string;
  /** A return submission that was stored but not filed. */
  submissionId?: string;
}

// ---- GET /session ----

export interface SessionAnswer {
  signedIn: boolean;
}

// ---- Orders and tracking ----

/** One order in the signed-in shopper's list. */
export interface OrderSummary {
  id: string;
  name: string;
  processedAt: string;
  /** `cancelled`, `unfulfilled`, `partially_fulfilled`, or the status of the shipment that matters most. */
  status: string;
  itemCount: number;
  total: Money;
}

/** GET /orders */
export interface OrdersAnswer {
  orders: OrderSummary[];
  /** The customer has older orders than the list holds. */
  moreOrders: boolean;
}

/** A step of the progress bar the block draws for a shipment. */
export type ShipmentStage = "preparing" | "shipped" | "in_transit" | "out_for_delivery" | "delivered";
/** Something the shopper should know about, shown beside the stage. */
export type ShipmentProblem = "delayed" | "attempted_delivery" | "failure" | "not_delivered";

export interface TimelineEntry {
  /** A fulfillment event status, lowercase: `confirmed`, `in_transit`, `out_for_delivery`, `delivered`, … */
  status: string;
  happenedAt: string;
  /** City-level at most ("Columbus, OH, US"); never a street or postal code. */
  location: string | null;
  /** The carrier's own words, when there are any. */
  message: string | null;
}

export interface Shipment {
  name: string;
  /** Shopify's display status, lowercase: `label_purchased`, `in_transit`, `delivered`, … */
  status: string;
  stage: ShipmentStage;
  problem: ShipmentProblem | null;
  tracking: { carrier: string | null; number: string | null; url: string | null }[];
  shippedAt: string;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  /** Oldest first. */
  timeline: TimelineEntry[];
  lines: { lineId: string; title: string; quantity: number }[];
}

export type LineStatus = "fulfilled" | "partially_fulfilled" | "unfulfilled" | "cancelled" | "removed";

export interface TrackedLine {
  id: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  fulfilledQuantity: number;
  unfulfilledQuantity: number;
  status: LineStatus;
  image: { url: string; altText: string } | null;
}

/** What the block is told about an order: the least that answers "where is my order?". */
export interface OrderTracking {
  /** Only for the signed-in owner of the order (the returns flow needs it); guests get none. */
  id?: string;
  name: string;
  processedAt: string;
  status: string;
  total: Money;
  /** First name only, to greet the shopper. */
  firstName: string | null;
  /** Masked: `e***@example.com`. */
  email: string | null;
  lines: TrackedLine[];
  /** The order has more lines than the page fetched. */
  moreLines: boolean;
  shipments: Shipment[];
}

/** GET /orders/:orderRef (signed in). */
export interface OrderAnswer {
  order: OrderTracking;
  returnsRequireSignIn: false;
}

/** POST /lookup (a guest's order number and email, or a signed-in shopper looking up their own order). */
export interface LookupAnswer {
  order: OrderTracking;
  returnsRequireSignIn: boolean;
  /** For a guest: signing in brings them back to the page the block is on. */
  signInUrl?: string;
}

// ---- Returns (signed in) ----

/** What the shopper may ask for instead of the returned items, as the merchant's policy offers them. */
export type Resolution = "refund" | "storeCredit" | "exchange";

export type FinalSaleRule = "tag" | "product_type" | "collection" | "discount";

/** Why some units of a line cannot be returned, with what the block needs to say so. */
export type UnavailableUnits =
  | { reason: "gift_card"; quantity: number }
  /** `match`: the tag, the product type, the collection id, or the line's discount percentage ("40"). */
  | { reason: "final_sale"; quantity: number; rule: FinalSaleRule; match: string }
  | { reason: "not_fulfilled"; quantity: number }
  /** `fulfilledOn`: shop-local date the shipment left. */
  | { reason: "not_delivered_yet"; quantity: number; fulfilledOn: string }
  /** `windowEndedOn`: the last day (shop-local `YYYY-MM-DD`) a return could be started. */
  | { reason: "window_ended"; quantity: number; windowEndedOn: string }
  | { reason: "already_returned"; quantity: number };

export type IneligibleReason = UnavailableUnits["reason"];

export interface LineFees {
  /** Charged per returned unit, in the presentment currency. */
  restockingFeePerUnit: Money;
  /** The same fee as Shopify's `RestockingFeeInput.percentage` of the unit price. */
  restockingFeePercentage: number;
}

/** How a resolution's return shipping fee is charged, stated before the shopper submits. */
export type ReturnShippingFee =
  { type: "percentage"; percentage: number; amount?: never } | { type: "fixed"; amount: Money; percentage?: never };

/** A variant a line can be exchanged for; a sold-out one is listed (the shopper sees it) but not available. */
export interface ExchangeOption {
  variantId: string;
  title: string;
  available: boolean;
}

interface ReturnLineBase {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Units that cannot be returned, by reason. */
  unavailable: UnavailableUnits[];
}

export interface EligibleReturnLine extends ReturnLineBase {
  eligible: true;
  returnableQuantity: number;
  /** The last shop-local day to start a return of the units whose window ends first. */
  returnBy: string;
  /** Fees for each resolution the policy offers. */
  fees: Partial<Record<Resolution, LineFees>>;
  /** Only when the policy offers exchanges: the other variants of the line's product (at most 20). */
  exchangeOptions?: ExchangeOption[];
  /** Only lines that cannot be returned have one. */
  reason?: never;
}

export interface IneligibleReturnLine extends ReturnLineBase {
  eligible: false;
  /** The reason to show; `unavailable` holds every reason with its units. */
  reason: UnavailableUnits;
}

export type ReturnLine = EligibleReturnLine | IneligibleReturnLine;

/** GET /orders/:orderRef/returns */
export interface ReturnOptions {
  order: { id: string; name: string };
  lines: ReturnLine[];
  /** At least one unit can be returned now. */
  anyReturnable: boolean;
  currencyCode: string;
  /** What the policy offers, in its order. */
  resolutions: Resolution[];
  returnShippingFees: Partial<Record<Resolution, ReturnShippingFee>>;
  /** Shopify's return reasons the shopper may pick (the block names them by `handle`). */
  reasons: { id: string; handle: string; noteRequired: boolean }[];
  /** The policy text, sanitized HTML, in the shopper's language (else English, else the first written). */
  policyHtml: string;
  /** The order's returns: `requested`, `open`, `closed`, `declined`, `canceled`. */
  returns: { id: string; name: string; status: string }[];
}

/** POST /orders/:orderRef/returns: filed (also every later call with the same idempotency key). */
export interface ReturnFiled {
  submissionId: string;
  /** Shopify's return: `requested` (for the merchant to review) or `open` (approved at once). */
  return: { id: string | null; status: string | undefined };
}

// ---- Contact and analytics ----

/** POST /contact: the reference the merchant knows the request by (the same one for a retry). */
export interface ContactAnswer {
  reference: string;
}

/** POST /events */
export interface EventsAnswer {
  stored: number;
}
