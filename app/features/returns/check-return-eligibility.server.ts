import type {
  FinalSaleRule,
  IneligibleReason,
  LineFees,
  Money,
  Resolution,
  ReturnShippingFee,
  UnavailableUnits,
} from "../../contracts/storefront-api";
import type { Fee, ReturnPolicy } from "../policy/ReturnPolicy.server";

/**
 * Which items of an order a shopper may return under the merchant's policy, what it costs them, and whether a
 * return is approved without the merchant. Pure: no database, no Shopify call, no clock, no English — the
 * storefront phrases the machine reasons in the shopper's language.
 *
 * Rules, stated once:
 * - **Window.** Counted in calendar days in the shop's timezone (`Shop.ianaTimezone`). A unit delivered on day
 *   D (shop time) with a 30-day window can be returned through D + 30, the whole day; `returnBy` and
 *   `windowEndedOn` name that last day as `YYYY-MM-DD`. With `windowStartsAt: "delivery"` the window starts at
 *   the carrier's delivery date, or at the fulfillment date when no delivery date is known (no tracking,
 *   marked as fulfilled, local pickup); units whose shipment is still on its way are `not_delivered_yet`.
 * - **Units, not lines.** A line fulfilled in several fulfillments is judged per fulfillment (each has its
 *   own delivery date). Units already in a return (requested, open or closed) are taken from the earliest
 *   fulfillment first. Unfulfilled units are `not_fulfilled`.
 * - **Never returnable.** Gift cards, always. Final sale: a product tag or type (compared without regard to
 *   case), a collection, or a discount of at least `minDiscountPercent` of the line's original unit price
 *   (all discounts on the line, order-level ones included, as Shopify's
 *   `discountedUnitPriceAfterAllDiscountsSet` reports them).
 * - **Money.** Fees are charged in the order's presentment currency (what the shopper paid in, and what
 *   Shopify's `ReturnShippingFeeInput` takes). A percentage applies to the price paid for the returned units.
 *   A fixed fee is written in the shop's currency and converted at the order's own rate (presentment ÷ shop
 *   amount of the same price, as Shopify recorded it at checkout), rounded half-up to the currency's minor
 *   unit. A restocking fee is charged per returned unit and never exceeds that unit's price; the return
 *   shipping fee is charged once per return and never makes the fees exceed the value of the returned items.
 *   All amounts are decimal strings computed with integers, never floats.
 */

// ---- The order, as the storefront fetches it from the Admin API ----

/** Shopify's MoneyBag: the same price in the shop's and in the shopper's (presentment) currency. */
export interface MoneyBag {
  shopMoney: Money;
  presentmentMoney: Money;
}

export interface EligibilityFulfillment {
  /** `FulfillmentLineItem.id`: what a return (`returnCreate`/`returnRequest`) names. */
  fulfillmentLineItemId: string;
  /** `FulfillmentLineItem.quantity`. */
  quantity: number;
  /** `Fulfillment.createdAt` (ISO). */
  createdAt: string;
  /** `Fulfillment.deliveredAt` (ISO), null when the carrier reported no delivery. */
  deliveredAt: string | null;
  /** `Fulfillment.displayStatus` (FulfillmentDisplayStatus), null when unknown. */
  displayStatus: string | null;
}

export interface EligibilityLine {
  /** `LineItem.id`. */
  id: string;
  /** `LineItem.quantity`: units ordered. */
  quantity: number;
  /** `LineItem.unfulfilledQuantity`: units not shipped yet (removed or cancelled units excluded). */
  unfulfilledQuantity: number;
  /** Units in the order's returns that are requested, open or closed (declined and cancelled ones free theirs). */
  returnedQuantity: number;
  /** `LineItem.isGiftCard`. */
  isGiftCard: boolean;
  /** `LineItem.product` (tags, productType, collection ids); null when the product was deleted. */
  product: { tags: string[]; productType: string; collectionIds: string[] } | null;
  /** `LineItem.originalUnitPriceSet`. */
  originalUnitPrice: MoneyBag;
  /** `LineItem.discountedUnitPriceAfterAllDiscountsSet`: what one unit cost the shopper. */
  discountedUnitPrice: MoneyBag;
  /** This line's share of each successful fulfillment (cancelled fulfillments left out). */
  fulfillments: EligibilityFulfillment[];
}

export interface EligibilityOrder {
  /** `Shop.ianaTimezone`: calendar days of the window are the shop's. */
  timezone: string;
  /** `Order.currentTotalPriceSet`. */
  totalPrice: MoneyBag;
  lines: EligibilityLine[];
}

// ---- The answer (its line reasons, fees and money are the storefront API's) ----

/** Returnable units of one fulfillment of the line. */
export interface ReturnableUnits {
  fulfillmentLineItemId: string;
  quantity: number;
  /** Shop-local date the window started (delivery, or fulfillment). */
  windowStartedOn: string;
  /** Last shop-local day a return can be started. */
  returnBy: string;
}

interface LineBase {
  lineItemId: string;
  quantity: number;
  /** Units that cannot be returned, by reason (the storefront may list them under the line). */
  unavailable: UnavailableUnits[];
}

export interface EligibleLine extends LineBase {
  eligible: true;
  returnableQuantity: number;
  /** The earliest last day among the returnable units: "return by …". */
  returnBy: string;
  /** Returnable units per fulfillment, earliest window end first. */
  returnable: ReturnableUnits[];
  /** Fees for each resolution the policy offers. */
  fees: Partial<Record<Resolution, LineFees>>;
}

export interface IneligibleLine extends LineBase {
  eligible: false;
  /** The reason to show first (see REASON_PRIORITY); `unavailable` holds every reason with its data. */
  reason: UnavailableUnits;
}

export type LineEligibility = EligibleLine | IneligibleLine;

export interface OrderEligibility {
  currencyCode: string;
  /** Resolutions the policy offers, in the policy's order. */
  resolutions: Resolution[];
  returnShippingFees: Partial<Record<Resolution, ReturnShippingFee>>;
  lines: LineEligibility[];
  /** True when at least one unit can be returned. */
  anyReturnable: boolean;
}

// ---- Decimal money, with integers ----

interface Ratio {
  num: bigint;
  den: bigint;
}

function parseAmount(amount: string): Ratio {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`Not a money amount: ${amount}`);
  const [, sign, units = "0", decimals = ""] = match;
  const num = BigInt(units + decimals) * (sign ? -1n : 1n);
  return { num, den: 10n ** BigInt(decimals.length) };
}

const multiply = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });
const add = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
const subtract = (a: Ratio, b: Ratio): Ratio => add(a, { num: -b.num, den: b.den });
const compare = (a: Ratio, b: Ratio): number => {
  const difference = a.num * b.den - b.num * a.den;
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
};
const min = (a: Ratio, b: Ratio): Ratio => (compare(a, b) <= 0 ? a : b);
const ZERO: Ratio = { num: 0n, den: 1n };
const isZero = (a: Ratio) => a.num === 0n;

/** A percentage with at most two decimals (the policy guarantees it) as an exact ratio: 12.5 → 1250/10000. */
const percentOf = (percentage: number): Ratio => ({ num: BigInt(Math.round(percentage * 100)), den: 10_000n });

/** Minor-unit digits of a currency (JPY 0, EUR 2, KWD 3); 2 when the runtime does not know the code. */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits as number;
  } catch {
    return 2;
  }
}

/** A decimal string of the value rounded half away from zero to `digits` decimals. */
function roundTo(value: Ratio, digits: number): string {
  const negative = value.num < 0n !== value.den < 0n && value.num !== 0n;
  const num = value.num < 0n ? -value.num : value.num;
  const den = value.den < 0n ? -value.den : value.den;
  const scaled = (num * 10n ** BigInt(digits) * 2n + den) / (2n * den);
  const text = scaled.toString().padStart(digits + 1, "0");
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative && scaled !== 0n ? `-${amount}` : amount;
}

/** Rounds to the currency's minor unit, as a MoneyV2. */
function toMoney(value: Ratio, currencyCode: string): Money {
  return { amount: roundTo(value, currencyDigits(currencyCode)), currencyCode };
}

const moneyRatio = (money: Money): Ratio => parseAmount(money.amount);

/** Presentment amount per unit of shop currency, from one price recorded at checkout; null when it says nothing. */
function rateFrom(price: MoneyBag): Ratio | null {
  if (price.shopMoney.currencyCode === price.presentmentMoney.currencyCode) return { num: 1n, den: 1n };
  const shop = moneyRatio(price.shopMoney);
  const presentment = moneyRatio(price.presentmentMoney);
  if (isZero(shop) || isZero(presentment)) return null;
  return { num: presentment.num * shop.den, den: presentment.den * shop.num };
}

/** The order's checkout rate: from the order total, else from any line's price, else 1 (nothing to convert). */
function orderRate(order: EligibilityOrder): Ratio {
  for (const price of [order.totalPrice, ...order.lines.map((line) => line.originalUnitPrice)]) {
    const rate = rateFrom(price);
    if (rate) return rate;
  }
  return { num: 1n, den: 1n };
}

// ---- Dates in the shop's timezone ----

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timezone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timezone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone: timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      // An unknown zone name (never from Shopify) counts days in UTC rather than refusing every return.
      format = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
    }
    dateFormats.set(timezone, format);
  }
  return format;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a timezone. */
export function localDate(instant: Date | string, timezone: string): string {
  const parts = dateFormat(timezone).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A calendar date plus whole days (calendar arithmetic: no clock, so no daylight-saving surprises). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

// ---- Eligibility ----

/** Shipments Shopify reports as still travelling to the shopper (or back to the merchant, undelivered). */
const ON_THE_WAY = new Set([
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "NOT_DELIVERED",
  "OUT_FOR_DELIVERY",
  "READY_FOR_PICKUP",
  "SUBMITTED",
]);
/** Fulfillments that did not happen: their units count as not fulfilled. */
const VOIDED = new Set(["CANCELED", "FAILURE", "LABEL_VOIDED"]);

/** Which reason a line that cannot be returned at all shows first: the most definitive, then the most actionable. */
const REASON_PRIORITY: IneligibleReason[] = [
  "gift_card",
  "final_sale",
  "window_ended",
  "not_delivered_yet",
  "not_fulfilled",
  "already_returned",
];

function finalSaleMatch(policy: ReturnPolicy, line: EligibilityLine): { rule: FinalSaleRule; match: string } | null {
  const rules = policy.finalSale;
  if (line.product) {
    const tags = new Set(line.product.tags.map((tag) => tag.trim().toLowerCase()));
    const tag = rules.tags.find((candidate) => tags.has(candidate.toLowerCase()));
    if (tag) return { rule: "tag", match: tag };
    const productType = line.product.productType.trim().toLowerCase();
    const type = rules.productTypes.find((candidate) => productType !== "" && candidate.toLowerCase() === productType);
    if (type) return { rule: "product_type", match: type };
    const collection = rules.collectionIds.find((id) => line.product?.collectionIds.includes(id));
    if (collection) return { rule: "collection", match: collection };
  }
  if (rules.minDiscountPercent !== null) {
    const original = moneyRatio(line.originalUnitPrice.shopMoney);
    const paid = moneyRatio(line.discountedUnitPrice.shopMoney);
    if (!isZero(original)) {
      const discount = subtract(original, paid);
      // discount / original >= minDiscountPercent / 100, compared exactly.
      if (compare(discount, multiply(original, percentOf(rules.minDiscountPercent))) >= 0) {
        const percent = { num: discount.num * original.den * 100n, den: discount.den * original.num };
        return { rule: "discount", match: trimZeros(roundTo(percent, 2)) };
      }
    }
  }
  return null;
}

/** "40.00" → "40", "12.50" → "12.5". */
function trimZeros(amount: string): string {
  return amount.includes(".") ? amount.replace(/\.?0+$/, "") : amount;
}

function windowStart(
  policy: ReturnPolicy,
  fulfillment: EligibilityFulfillment,
): { kind: "started"; at: string } | { kind: "on_the_way" } | { kind: "voided" } {
  const status = fulfillment.displayStatus?.toUpperCase() ?? null;
  if (status && VOIDED.has(status)) return { kind: "voided" };
  if (policy.windowStartsAt === "fulfillment") return { kind: "started", at: fulfillment.createdAt };
  if (fulfillment.deliveredAt) return { kind: "started", at: fulfillment.deliveredAt };
  if (status && ON_THE_WAY.has(status)) return { kind: "on_the_way" };
  return { kind: "started", at: fulfillment.createdAt };
}

function restockingFee({
  fee,
  unitPaid,
  rate,
  currencyCode,
}: {
  fee: Fee;
  unitPaid: Ratio;
  rate: Ratio;
  currencyCode: string;
}): LineFees {
  const amount =
    fee.type === "percentage"
      ? multiply(unitPaid, percentOf(fee.percentage))
      : min(multiply(parseAmount(fee.amount), rate), unitPaid);
  const money = toMoney(amount, currencyCode);
  let percentage: number;
  if (fee.type === "percentage") percentage = fee.percentage;
  else if (isZero(unitPaid)) percentage = 0;
  else {
    // Shopify takes the restocking fee as a percentage of the unit price: four decimals reproduce the amount.
    percentage = Number(roundTo(multiply(moneyRatio(money), { num: unitPaid.den * 100n, den: unitPaid.num }), 4));
  }
  return { restockingFeePerUnit: money, restockingFeePercentage: Math.min(100, percentage) };
}

function enabledResolutions(policy: ReturnPolicy): Resolution[] {
  return (Object.keys(policy.resolutions) as Resolution[]).filter(
    (resolution) => policy.resolutions[resolution].enabled,
  );
}

function judgeLine({
  policy,
  order,
  line,
  today,
  rate,
}: {
  policy: ReturnPolicy;
  order: EligibilityOrder;
  line: EligibilityLine;
  /** The shop-local date now. */
  today: string;
  /** The order's checkout rate (presentment per shop currency). */
  rate: Ratio;
}): LineEligibility {
  const base = { lineItemId: line.id, quantity: line.quantity };
  const ineligible = (unavailable: UnavailableUnits[]): IneligibleLine => {
    const sorted = [...unavailable].sort(
      (a, b) => REASON_PRIORITY.indexOf(a.reason) - REASON_PRIORITY.indexOf(b.reason),
    );
    const reason = sorted[0] ?? { reason: "not_fulfilled", quantity: line.quantity };
    return { ...base, eligible: false, reason, unavailable: sorted.length ? sorted : [reason] };
  };

  if (line.isGiftCard) return ineligible([{ reason: "gift_card", quantity: line.quantity }]);
  const finalSale = finalSaleMatch(policy, line);
  if (finalSale) return ineligible([{ reason: "final_sale", quantity: line.quantity, ...finalSale }]);

  const unavailable: UnavailableUnits[] = [];
  const addUnavailable = (units: UnavailableUnits) => {
    if (units.quantity <= 0) return;
    const same = unavailable.find(
      (existing) =>
        existing.reason === units.reason &&
        JSON.stringify({ ...existing, quantity: 0 }) === JSON.stringify({ ...units, quantity: 0 }),
    );
    if (same) same.quantity += units.quantity;
    else unavailable.push(units);
  };

  let notFulfilled = Math.max(0, line.unfulfilledQuantity);
  const shipments = line.fulfillments
    .filter((fulfillment) => fulfillment.quantity > 0)
    .map((fulfillment) => ({ fulfillment, start: windowStart(policy, fulfillment) }))
    .sort((a, b) => {
      const at = (entry: typeof a) =>
        entry.start.kind === "started" ? Date.parse(entry.start.at) : Date.parse(entry.fulfillment.createdAt);
      return at(a) - at(b);
    });

  // Units already in a return come out of the earliest shipments first.
  let returnedLeft = Math.max(0, line.returnedQuantity);
  const returnable: ReturnableUnits[] = [];
  for (const { fulfillment, start } of shipments) {
    const returned = Math.min(returnedLeft, fulfillment.quantity);
    returnedLeft -= returned;
    addUnavailable({ reason: "already_returned", quantity: returned });
    const left = fulfillment.quantity - returned;
    if (left <= 0) continue;
    if (start.kind === "voided") {
      notFulfilled += left;
    } else if (start.kind === "on_the_way") {
      addUnavailable({
        reason: "not_delivered_yet",
        quantity: left,
        fulfilledOn: localDate(fulfillment.createdAt, order.timezone),
      });
    } else {
      const windowStartedOn = localDate(start.at, order.timezone);
      const returnBy = addDays(windowStartedOn, policy.windowDays);
      if (today > returnBy) addUnavailable({ reason: "window_ended", quantity: left, windowEndedOn: returnBy });
      else
        returnable.push({
          fulfillmentLineItemId: fulfillment.fulfillmentLineItemId,
          quantity: left,
          windowStartedOn,
          returnBy,
        });
    }
  }
  addUnavailable({ reason: "not_fulfilled", quantity: notFulfilled });

  const returnableQuantity = returnable.reduce((sum, units) => sum + units.quantity, 0);
  if (returnableQuantity === 0) return ineligible(unavailable);

  returnable.sort((a, b) => a.returnBy.localeCompare(b.returnBy));
  const unitPaid = moneyRatio(line.discountedUnitPrice.presentmentMoney);
  const currencyCode = line.discountedUnitPrice.presentmentMoney.currencyCode;
  const fees: Partial<Record<Resolution, LineFees>> = {};
  for (const resolution of enabledResolutions(policy)) {
    fees[resolution] = restockingFee({
      fee: policy.resolutions[resolution].restockingFee,
      unitPaid,
      rate,
      currencyCode,
    });
  }
  return {
    ...base,
    eligible: true,
    returnableQuantity,
    returnBy: returnable[0]!.returnBy,
    returnable,
    fees,
    unavailable: unavailable.sort((a, b) => REASON_PRIORITY.indexOf(a.reason) - REASON_PRIORITY.indexOf(b.reason)),
  };
}

/** Decides, line by line, what of the order the shopper may return now, and what each resolution costs. */
export function checkReturnEligibility(policy: ReturnPolicy, order: EligibilityOrder, now: Date): OrderEligibility {
  const today = localDate(now, order.timezone);
  const rate = orderRate(order);
  const currencyCode = order.totalPrice.presentmentMoney.currencyCode;
  const resolutions = enabledResolutions(policy);
  const returnShippingFees: Partial<Record<Resolution, ReturnShippingFee>> = {};
  for (const resolution of resolutions) {
    const fee = policy.resolutions[resolution].returnShippingFee;
    returnShippingFees[resolution] =
      fee.type === "percentage"
        ? { type: "percentage", percentage: fee.percentage }
        : { type: "fixed", amount: toMoney(multiply(parseAmount(fee.amount), rate), currencyCode) };
  }
  const lines = order.lines.map((line) => judgeLine({ policy, order, line, today, rate }));
  return { currencyCode, resolutions, returnShippingFees, lines, anyReturnable: lines.some((line) => line.eligible) };
}

// ---- A return the shopper is about to submit ----

export interface ReturnRequestLine {
  lineItemId: string;
  quantity: number;
  /** `ReturnReasonDefinition.id`. */
  reasonId: string;
  note?: string | null;
}

export interface ReturnRequest {
  resolution: Resolution;
  lines: ReturnRequestLine[];
}

/** Why a request cannot be submitted as it is (`index` names the request line). */
export type ReturnRequestProblem =
  | { problem: "no_lines" }
  | { problem: "resolution_not_offered"; resolution: string }
  | { problem: "line_not_returnable"; index: number; reason: IneligibleReason | "unknown_line" }
  | { problem: "quantity_over_returnable"; index: number; returnableQuantity: number }
  | { problem: "duplicate_line"; index: number }
  | { problem: "reason_not_offered"; index: number }
  | { problem: "note_required"; index: number };

/** Checks a shopper's return request against the policy and the order's eligibility; [] when it may be filed. */
export function validateReturnRequest(
  policy: ReturnPolicy,
  request: ReturnRequest,
  eligibility: OrderEligibility,
): ReturnRequestProblem[] {
  const problems: ReturnRequestProblem[] = [];
  if (request.lines.length === 0) problems.push({ problem: "no_lines" });
  if (!eligibility.resolutions.includes(request.resolution)) {
    problems.push({ problem: "resolution_not_offered", resolution: request.resolution });
  }
  const seen = new Set<string>();
  request.lines.forEach((requested, index) => {
    if (seen.has(requested.lineItemId)) problems.push({ problem: "duplicate_line", index });
    seen.add(requested.lineItemId);
    const line = eligibility.lines.find((candidate) => candidate.lineItemId === requested.lineItemId);
    if (!line || !line.eligible) {
      problems.push({ problem: "line_not_returnable", index, reason: line ? line.reason.reason : "unknown_line" });
    } else if (
      !Number.isInteger(requested.quantity) ||
      requested.quantity < 1 ||
      requested.quantity > line.returnableQuantity
    ) {
      problems.push({ problem: "quantity_over_returnable", index, returnableQuantity: line.returnableQuantity });
    }
    const reason = policy.reasons.find((candidate) => candidate.id === requested.reasonId);
    if (policy.reasons.length > 0 && !reason) problems.push({ problem: "reason_not_offered", index });
    if (reason?.noteRequired && !requested.note?.trim()) problems.push({ problem: "note_required", index });
  });
  return problems;
}

/**
 * Which fulfillment line items a requested quantity is taken from (Shopify's returns name fulfillment line
 * items): the units whose window ends first go first.
 */
export function allocateReturnUnits(
  line: EligibleLine,
  quantity: number,
): { fulfillmentLineItemId: string; quantity: number; windowStartedOn: string }[] {
  const allocation: { fulfillmentLineItemId: string; quantity: number; windowStartedOn: string }[] = [];
  let left = quantity;
  for (const units of line.returnable) {
    if (left <= 0) break;
    const taken = Math.min(left, units.quantity);
    allocation.push({
      fulfillmentLineItemId: units.fulfillmentLineItemId,
      quantity: taken,
      windowStartedOn: units.windowStartedOn,
    });
    left -= taken;
  }
  return allocation;
}

export interface ReturnQuote {
  currencyCode: string;
  /** What the shopper paid for the units being returned. */
  itemsValue: Money;
  restockingFees: { lineItemId: string; perUnit: Money; total: Money; percentage: number }[];
  returnShippingFee: Money;
  totalFees: Money;
  /** Items value minus fees: what a refund or store credit would come to (before taxes and shipping). */
  netValue: Money;
}

/** What a valid request costs the shopper under its resolution, for the confirmation step and for filing. */
export function quoteReturn({
  policy,
  order,
  eligibility,
  request,
}: {
  policy: ReturnPolicy;
  order: EligibilityOrder;
  eligibility: OrderEligibility;
  request: ReturnRequest;
}): ReturnQuote {
  const currencyCode = eligibility.currencyCode;
  const rate = orderRate(order);
  let itemsValue = ZERO;
  let restockingTotal = ZERO;
  const restockingFees: ReturnQuote["restockingFees"] = [];
  for (const requested of request.lines) {
    const line = eligibility.lines.find((candidate) => candidate.lineItemId === requested.lineItemId);
    const orderLine = order.lines.find((candidate) => candidate.id === requested.lineItemId);
    const fees = line?.eligible ? line.fees[request.resolution] : undefined;
    if (!line?.eligible || !orderLine || !fees) continue;
    const quantity = { num: BigInt(Math.min(requested.quantity, line.returnableQuantity)), den: 1n };
    itemsValue = add(itemsValue, multiply(moneyRatio(orderLine.discountedUnitPrice.presentmentMoney), quantity));
    const total = multiply(moneyRatio(fees.restockingFeePerUnit), quantity);
    restockingTotal = add(restockingTotal, total);
    restockingFees.push({
      lineItemId: line.lineItemId,
      perUnit: fees.restockingFeePerUnit,
      total: toMoney(total, currencyCode),
      percentage: fees.restockingFeePercentage,
    });
  }
  const fee = policy.resolutions[request.resolution]?.returnShippingFee;
  let shipping = ZERO;
  if (fee && restockingFees.length > 0) {
    const wanted =
      fee.type === "percentage"
        ? multiply(itemsValue, percentOf(fee.percentage))
        : multiply(parseAmount(fee.amount), rate);
    const room = subtract(itemsValue, restockingTotal);
    shipping = compare(room, ZERO) > 0 ? min(moneyRatio(toMoney(wanted, currencyCode)), room) : ZERO;
  }
  const totalFees = add(restockingTotal, shipping);
  return {
    currencyCode,
    itemsValue: toMoney(itemsValue, currencyCode),
    restockingFees,
    returnShippingFee: toMoney(shipping, currencyCode),
    totalFees: toMoney(totalFees, currencyCode),
    netValue: toMoney(subtract(itemsValue, totalFees), currencyCode),
  };
}

// ---- Auto-approval ----

/** Why a return waits for the merchant instead of being approved at once. */
export type ManualReviewCause =
  | { cause: "auto_approve_off" }
  | { cause: "request_invalid"; problems: ReturnRequestProblem[] }
  | { cause: "reason_needs_review"; reasonIds: string[] }
  | { cause: "order_value_over_limit"; orderValue: Money; limit: Money }
  | { cause: "outside_auto_approve_window"; lineItemIds: string[] };

export type AutoApproveDecision = { autoApprove: true } | { autoApprove: false; causes: ManualReviewCause[] };

/** What auto-approval is decided from: the order's eligibility as computed for the request. */
export interface ApprovalInput {
  policy: ReturnPolicy;
  order: EligibilityOrder;
  eligibility: OrderEligibility;
  request: ReturnRequest;
  now: Date;
}

/**
 * Why a request the policy allows waits for the merchant instead of being approved at once; [] when every rule
 * holds: no line's reason is one the merchant reviews, the order's total in the shop's currency is below the
 * limit, and every unit's window started within `withinDays` days.
 */
export function manualReviewCauses({ policy, order, eligibility, request, now }: ApprovalInput): ManualReviewCause[] {
  const rules = policy.autoApprove;
  if (!rules.enabled) return [{ cause: "auto_approve_off" }];
  const causes: ManualReviewCause[] = [];

  const reviewed = [...new Set(request.lines.map((line) => line.reasonId))].filter((id) =>
    rules.reviewReasonIds.includes(id),
  );
  if (reviewed.length > 0) causes.push({ cause: "reason_needs_review", reasonIds: reviewed });

  if (rules.maxOrderValue !== null) {
    const orderValue = order.totalPrice.shopMoney;
    if (compare(moneyRatio(orderValue), parseAmount(rules.maxOrderValue)) >= 0) {
      causes.push({
        cause: "order_value_over_limit",
        orderValue,
        limit: { amount: rules.maxOrderValue, currencyCode: orderValue.currencyCode },
      });
    }
  }

  if (rules.withinDays !== null) {
    const today = localDate(now, order.timezone);
    const late = request.lines
      .filter((requested) => {
        const line = eligibility.lines.find((candidate) => candidate.lineItemId === requested.lineItemId);
        if (!line?.eligible) return false;
        return allocateReturnUnits(line, requested.quantity).some(
          (units) => today > addDays(units.windowStartedOn, rules.withinDays!),
        );
      })
      .map((requested) => requested.lineItemId);
    if (late.length > 0) causes.push({ cause: "outside_auto_approve_window", lineItemIds: late });
  }
  return causes;
}

/**
 * Whether a shopper's return is approved without the merchant (Shopify `returnCreate`, OPEN) or filed as a
 * request (`returnRequest`, REQUESTED): the request must be valid under the policy (so every unit is within the
 * return window) and no manual review cause may apply.
 */
export function shouldAutoApprove(input: ApprovalInput): AutoApproveDecision {
  const causes = manualReviewCauses(input);
  if (!input.policy.autoApprove.enabled) return { autoApprove: false, causes };
  const problems = validateReturnRequest(input.policy, input.request, input.eligibility);
  if (problems.length > 0) causes.unshift({ cause: "request_invalid", problems });
  return causes.length === 0 ? { autoApprove: true } : { autoApprove: false, causes };
}
