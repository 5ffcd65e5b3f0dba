/**
 * Values Shopify computes from an order's history (statuses, quantities, totals). Resolvers and
 * mutations both use these, so a new return or refund changes every field that depends on it.
 */
import type { EmulatorState, FulfillmentRecord, LineItemRecord, OrderRecord, ReturnRecord } from "./state";

export type Currency = "shop" | "presentment";

/** An amount in shop currency converted at the order's checkout rate. */
export function inCurrency(order: OrderRecord, shopCents: number, currency: Currency): number {
  return currency === "shop" ? shopCents : Math.round(shopCents * order.presentmentRate);
}

export function currencyCode(order: OrderRecord, currency: Currency): string {
  return currency === "shop" ? order.currencyCode : order.presentmentCurrencyCode;
}

/** Per-line amounts; presentment amounts are converted per unit first, as at checkout. */
export function lineAmounts(order: OrderRecord, line: LineItemRecord, currency: Currency) {
  const unit = inCurrency(order, line.unitPriceCents, currency);
  const discount = inCurrency(order, line.discountCents, currency);
  const discountedTotal = unit * line.quantity - discount;
  return {
    unit,
    discount,
    originalTotal: unit * line.quantity,
    discountedTotal,
    discountedUnit: Math.round(discountedTotal / line.quantity),
  };
}

export function refundedQuantity(order: OrderRecord, lineItemId: number): number {
  return sum(
    order.refunds.flatMap((r) => r.lineItems).filter((l) => l.lineItemId === lineItemId),
    (l) => l.quantity,
  );
}

export function fulfilledQuantity(order: OrderRecord, lineItemId: number): number {
  return sum(
    order.fulfillments
      .filter((f) => f.status === "SUCCESS")
      .flatMap((f) => f.lineItems)
      .filter((l) => l.lineItemId === lineItemId),
    (l) => l.quantity,
  );
}

/** Quantity still on the order (Shopify's `currentQuantity`): refunded units are removed. */
export function currentQuantity(order: OrderRecord, line: LineItemRecord): number {
  return line.quantity - refundedQuantity(order, line.id);
}

export function unfulfilledQuantity(order: OrderRecord, line: LineItemRecord): number {
  if (order.cancelledAt) return 0;
  return Math.max(0, currentQuantity(order, line) - fulfilledQuantity(order, line.id));
}

export function orderTotals(order: OrderRecord, currency: Currency) {
  const lines = order.lineItems.map((line) => ({ line, amounts: lineAmounts(order, line, currency) }));
  const subtotal = sum(lines, (l) => l.amounts.discountedTotal);
  const discounts = sum(lines, (l) => l.amounts.discount);
  const shipping = inCurrency(order, order.shippingCents, currency);
  const refundedLines = sum(
    order.refunds.flatMap((r) => r.lineItems),
    (refunded) => {
      const entry = lines.find((l) => l.line.id === refunded.lineItemId);
      return entry ? entry.amounts.discountedUnit * refunded.quantity : 0;
    },
  );
  const refundedShipping = sum(order.refunds, (r) => inCurrency(order, r.shippingCents, currency));
  const total = subtotal + shipping;
  return {
    subtotal,
    discounts,
    shipping,
    total,
    refunded: refundedLines + refundedShipping,
    refundedShipping,
    currentSubtotal: subtotal - refundedLines,
    currentTotal: total - refundedLines - refundedShipping,
  };
}

export function refundAmount(order: OrderRecord, refund: OrderRecord["refunds"][number], currency: Currency): number {
  const lines = sum(refund.lineItems, (refunded) => {
    const line = order.lineItems.find((l) => l.id === refunded.lineItemId);
    return line ? lineAmounts(order, line, currency).discountedUnit * refunded.quantity : 0;
  });
  return lines + inCurrency(order, refund.shippingCents, currency);
}

export function displayFinancialStatus(order: OrderRecord): string {
  if (order.payment === "VOIDED") return "VOIDED";
  const totals = orderTotals(order, "shop");
  if (totals.refunded > 0) return totals.refunded >= totals.total ? "REFUNDED" : "PARTIALLY_REFUNDED";
  return order.payment;
}

export function displayFulfillmentStatus(order: OrderRecord): string {
  const fulfilled = order.lineItems.map((line) => fulfilledQuantity(order, line.id));
  if (fulfilled.every((quantity) => quantity === 0)) return "UNFULFILLED";
  // A line is done when all its units were shipped or refunded before shipping.
  const done = order.lineItems.every(
    (line, i) => Math.max(fulfilled[i] ?? 0, refundedQuantity(order, line.id)) >= line.quantity,
  );
  return done ? "FULFILLED" : "PARTIALLY_FULFILLED";
}

export function returnsOf(state: EmulatorState, order: OrderRecord): ReturnRecord[] {
  return state.returns.filter((r) => r.orderId === order.id);
}

/** Shopify's `Order.returnStatus`, from the order's returns (declined/cancelled ones don't count). */
export function orderReturnStatus(returns: ReturnRecord[]): string {
  const active = returns.filter((r) => r.status !== "DECLINED" && r.status !== "CANCELED");
  if (active.length === 0) return "NO_RETURN";
  if (active.some((r) => r.status === "REQUESTED")) return "RETURN_REQUESTED";
  if (active.some((r) => r.status === "OPEN")) return "IN_PROGRESS";
  return "RETURNED";
}

/** Returns that hold their items (a declined or cancelled return gives them back). */
function holdsItems(ret: ReturnRecord): boolean {
  return ret.status === "REQUESTED" || ret.status === "OPEN" || ret.status === "CLOSED";
}

/** Units of a fulfillment line item already in a return. */
export function returnedQuantity(returns: ReturnRecord[], fulfillmentLineItemId: number): number {
  return sum(
    returns
      .filter(holdsItems)
      .flatMap((r) => r.lineItems)
      .filter((l) => l.fulfillmentLineItemId === fulfillmentLineItemId),
    (l) => l.quantity,
  );
}

/** Fulfillments Shopify lets a return be made from (successful ones, with units not yet returned). */
export function returnableFulfillments(order: OrderRecord, returns: ReturnRecord[]) {
  return order.fulfillments
    .filter((f) => f.status === "SUCCESS")
    .map((fulfillment) => ({ fulfillment, lines: returnableLines(fulfillment, returns) }))
    .filter((entry) => entry.lines.length > 0);
}

export function returnableLines(fulfillment: FulfillmentRecord, returns: ReturnRecord[]) {
  return fulfillment.lineItems
    .map((fulfillmentLineItem) => ({
      fulfillmentLineItem,
      quantity: fulfillmentLineItem.quantity - returnedQuantity(returns, fulfillmentLineItem.id),
    }))
    .filter((entry) => entry.quantity > 0);
}

export function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
