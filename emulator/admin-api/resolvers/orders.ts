import { createHash } from "node:crypto";
import { connection, type ConnectionArgs } from "../connection";
import type { RequestContext } from "../context";
import {
  currencyCode,
  currentQuantity,
  displayFinancialStatus,
  displayFulfillmentStatus,
  fulfilledQuantity,
  lineAmounts,
  orderReturnStatus,
  orderTotals,
  refundAmount,
  refundedQuantity,
  returnsOf,
  unfulfilledQuantity,
  type Currency,
} from "../derived";
import { gid } from "../ids";
import { moneyBag, type MoneyBagView } from "../money";
import type { FulfillmentEventRecord, FulfillmentRecord, LineItemRecord, OrderRecord, RefundRecord } from "../state";
import { productImage, productView, variantView } from "./catalog";
import { firstOf, mailingAddressView, notModelled, uint64, type View } from "./common";
import { customerView } from "./customers";
import { returnView } from "./returns";

/** A MoneyBag of an amount the order computes in each currency. */
function bag(order: OrderRecord, amount: (currency: Currency) => number): MoneyBagView {
  return moneyBag(
    { cents: amount("shop"), currency: currencyCode(order, "shop") },
    { cents: amount("presentment"), currency: currencyCode(order, "presentment") },
  );
}

const token = (order: OrderRecord, salt: string) =>
  createHash("sha1").update(`${salt}:${order.id}`).digest("hex").slice(0, 32);

export function orderView(order: OrderRecord): View {
  const totals = (currency: Currency) => orderTotals(order, currency);
  const zero = () => bag(order, () => 0);
  return {
    __typename: "Order",
    id: gid("Order", order.id),
    legacyResourceId: uint64(order.id),
    name: order.name,
    number: order.number,
    email: order.email,
    phone: null,
    note: order.note,
    tags: order.tags,
    test: false,
    confirmed: true,
    confirmationNumber: token(order, "confirmation").slice(0, 9).toUpperCase(),
    sourceName: "web",
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    currencyCode: order.currencyCode,
    presentmentCurrencyCode: order.presentmentCurrencyCode,
    customerLocale: order.customerLocale,
    displayFinancialStatus: displayFinancialStatus(order),
    displayFulfillmentStatus: displayFulfillmentStatus(order),
    returnStatus: (_args: unknown, ctx: RequestContext) => orderReturnStatus(returnsOf(ctx.state, order)),
    fullyPaid: order.payment === "PAID",
    unpaid: order.payment === "PENDING" || order.payment === "AUTHORIZED",
    refundable: order.payment === "PAID" && totals("shop").currentTotal > 0,
    requiresShipping: order.lineItems.some((l) => l.requiresShipping),
    paymentGatewayNames: order.payment === "PENDING" ? ["manual"] : ["shopify_payments"],
    taxesIncluded: false,
    taxExempt: false,
    // Taxes are not modelled: every amount is tax-free.
    taxLines: [],
    currentTaxLines: [],
    totalTaxSet: zero(),
    currentTotalTaxSet: zero(),
    subtotalLineItemsQuantity: order.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    currentSubtotalLineItemsQuantity: order.lineItems.reduce((sum, l) => sum + currentQuantity(order, l), 0),
    subtotalPriceSet: bag(order, (c) => totals(c).subtotal),
    currentSubtotalPriceSet: bag(order, (c) => totals(c).currentSubtotal),
    totalPriceSet: bag(order, (c) => totals(c).total),
    originalTotalPriceSet: bag(order, (c) => totals(c).total),
    currentTotalPriceSet: bag(order, (c) => totals(c).currentTotal),
    totalDiscountsSet: bag(order, (c) => totals(c).discounts),
    currentTotalDiscountsSet: bag(order, (c) => totals(c).discounts),
    totalShippingPriceSet: bag(order, (c) => totals(c).shipping),
    currentShippingPriceSet: bag(order, (c) => totals(c).shipping - totals(c).refundedShipping),
    totalRefundedSet: bag(order, (c) => totals(c).refunded),
    totalRefundedShippingSet: bag(order, (c) => totals(c).refundedShipping),
    totalReceivedSet: bag(order, (c) => (order.payment === "PAID" ? totals(c).total : 0)),
    netPaymentSet: bag(order, (c) => (order.payment === "PAID" ? totals(c).total - totals(c).refunded : 0)),
    totalOutstandingSet: bag(order, (c) =>
      order.payment === "PAID" || order.payment === "VOIDED" ? 0 : totals(c).total,
    ),
    totalCapturableSet: bag(order, (c) => (order.payment === "AUTHORIZED" ? totals(c).total : 0)),
    discountCodes: order.lineItems.some((l) => l.discountCents > 0) ? ["SAMPLESALE"] : [],
    discountCode: order.lineItems.some((l) => l.discountCents > 0) ? "SAMPLESALE" : null,
    statusPageUrl: (_args: unknown, ctx: RequestContext) =>
      `https://${ctx.state.shop.myshopifyDomain}/${ctx.state.shop.id}/orders/${token(order, "status")}/authenticate?key=${token(order, "key")}`,
    shippingAddress: order.shippingAddress
      ? mailingAddressView(order.shippingAddress, `${gid("MailingAddress", order.id)}?model_name=Address`)
      : null,
    billingAddress: order.shippingAddress
      ? mailingAddressView(order.shippingAddress, `${gid("MailingAddress", order.id + 1)}?model_name=Address`)
      : null,
    displayAddress: order.shippingAddress
      ? mailingAddressView(order.shippingAddress, `${gid("MailingAddress", order.id)}?model_name=Address`)
      : null,
    shippingLine: order.shippingAddress
      ? {
          id: gid("ShippingLine", order.id),
          title: order.shippingCents === 0 ? "Free shipping" : "Standard",
          code: order.shippingCents === 0 ? "FREE" : "STANDARD",
          source: "shopify",
          custom: false,
          isRemoved: false,
          carrierIdentifier: null,
          deliveryCategory: "shipping",
          phone: null,
          originalPriceSet: bag(order, (c) => totals(c).shipping),
          discountedPriceSet: bag(order, (c) => totals(c).shipping),
          currentDiscountedPriceSet: bag(order, (c) => totals(c).shipping),
          taxLines: [],
          discountAllocations: [],
        }
      : null,
    customer: (_args: unknown, ctx: RequestContext) => {
      const customer = order.customerId === null ? undefined : ctx.lookup.customers.get(order.customerId);
      return customer ? customerView(customer) : null;
    },
    lineItems: (args: ConnectionArgs) =>
      connection(order.lineItems, args, { key: (l) => l.id, view: (l) => lineItemView(order, l) }),
    fulfillments: ({ first, query }: { first?: number | null; query?: string | null }) => {
      if (query) throw notModelled("Order.fulfillments(query:)");
      return firstOf(order.fulfillments, first).map((f) => fulfillmentView(order, f));
    },
    fulfillmentsCount: { count: order.fulfillments.length, precision: "EXACT" },
    refunds: ({ first }: { first?: number | null }) => firstOf(order.refunds, first).map((r) => refundView(order, r)),
    returns: (args: ConnectionArgs & { query?: string | null }, ctx: RequestContext) => {
      if (args.query) throw notModelled("Order.returns(query:)");
      return connection(returnsOf(ctx.state, order), args, { key: (r) => r.id, view: returnView });
    },
  };
}

export function lineItemView(order: OrderRecord, line: LineItemRecord): View {
  const amounts = (c: Currency) => lineAmounts(order, line, c);
  const unfulfilled = unfulfilledQuantity(order, line);
  return {
    __typename: "LineItem",
    id: gid("LineItem", line.id),
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity: line.quantity,
    currentQuantity: currentQuantity(order, line),
    refundableQuantity: line.quantity - refundedQuantity(order, line.id),
    unfulfilledQuantity: unfulfilled,
    // Units that will never ship: all of them on a cancelled order, else those refunded before shipping.
    nonFulfillableQuantity: order.cancelledAt
      ? line.quantity
      : Math.max(0, refundedQuantity(order, line.id) - fulfilledQuantity(order, line.id)),
    isGiftCard: line.isGiftCard,
    requiresShipping: line.requiresShipping,
    taxable: !line.isGiftCard,
    restockable: !line.isGiftCard,
    merchantEditable: false,
    customAttributes: [],
    discountAllocations: [],
    taxLines: [],
    duties: [],
    originalUnitPriceSet: bag(order, (c) => amounts(c).unit),
    discountedUnitPriceSet: bag(order, (c) => amounts(c).discountedUnit),
    discountedUnitPriceAfterAllDiscountsSet: bag(order, (c) => amounts(c).discountedUnit),
    originalTotalSet: bag(order, (c) => amounts(c).originalTotal),
    discountedTotalSet: bag(order, (c) => amounts(c).discountedTotal),
    totalDiscountSet: bag(order, (c) => amounts(c).discount),
    unfulfilledOriginalTotalSet: bag(order, (c) => amounts(c).unit * unfulfilled),
    unfulfilledDiscountedTotalSet: bag(order, (c) => amounts(c).discountedUnit * unfulfilled),
    image: (_args: unknown, ctx: RequestContext) => {
      const product = line.productId === null ? undefined : ctx.lookup.products.get(line.productId);
      return product ? productImage(product) : null;
    },
    product: (_args: unknown, ctx: RequestContext) => {
      const product = line.productId === null ? undefined : ctx.lookup.products.get(line.productId);
      return product ? productView(product) : null;
    },
    variant: (_args: unknown, ctx: RequestContext) => {
      const found = line.variantId === null ? undefined : ctx.lookup.variants.get(line.variantId);
      return found ? variantView(found.product, found.variant) : null;
    },
  };
}

export function fulfillmentView(order: OrderRecord, fulfillment: FulfillmentRecord): View {
  return {
    __typename: "Fulfillment",
    id: gid("Fulfillment", fulfillment.id),
    legacyResourceId: uint64(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status,
    displayStatus: fulfillment.displayStatus,
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.updatedAt,
    inTransitAt: fulfillment.inTransitAt,
    deliveredAt: fulfillment.deliveredAt,
    estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
    requiresShipping:
      fulfillment.tracking.length > 0 ||
      fulfillment.lineItems.some((fl) => order.lineItems.find((l) => l.id === fl.lineItemId)?.requiresShipping),
    totalQuantity: fulfillment.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    trackingInfo: ({ first }: { first?: number | null }) => firstOf(fulfillment.tracking, first),
    order: () => orderView(order),
    fulfillmentLineItems: (args: ConnectionArgs) =>
      connection(fulfillment.lineItems, args, { key: (l) => l.id, view: (l) => fulfillmentLineItemView(order, l) }),
    events: (args: ConnectionArgs & { sortKey?: string | null }) => {
      const events = [...fulfillment.events].sort((a, b) =>
        args.sortKey === "ID" ? a.id - b.id : a.happenedAt.localeCompare(b.happenedAt),
      );
      return connection(events, args, { key: (e) => e.id, view: fulfillmentEventView });
    },
  };
}

export function fulfillmentLineItemView(
  order: OrderRecord,
  fulfillmentLineItem: FulfillmentRecord["lineItems"][number],
): View {
  const line = order.lineItems.find((l) => l.id === fulfillmentLineItem.lineItemId);
  if (!line) throw new Error(`Fulfillment line item ${fulfillmentLineItem.id} points at a missing line item`);
  return {
    __typename: "FulfillmentLineItem",
    id: gid("FulfillmentLineItem", fulfillmentLineItem.id),
    quantity: fulfillmentLineItem.quantity,
    lineItem: () => lineItemView(order, line),
    originalTotalSet: bag(order, (c) => lineAmounts(order, line, c).unit * fulfillmentLineItem.quantity),
    discountedTotalSet: bag(order, (c) => lineAmounts(order, line, c).discountedUnit * fulfillmentLineItem.quantity),
  };
}

export function fulfillmentEventView(event: FulfillmentEventRecord): View {
  return {
    __typename: "FulfillmentEvent",
    id: gid("FulfillmentEvent", event.id),
    status: event.status,
    happenedAt: event.happenedAt,
    createdAt: event.happenedAt,
    message: event.message,
    address1: null,
    city: event.city,
    province: event.province,
    country: event.country,
    zip: event.zip,
    latitude: null,
    longitude: null,
    estimatedDeliveryAt: null,
  };
}

export function refundView(order: OrderRecord, refund: RefundRecord): View {
  return {
    __typename: "Refund",
    id: gid("Refund", refund.id),
    legacyResourceId: uint64(refund.id),
    createdAt: refund.createdAt,
    processedAt: refund.createdAt,
    updatedAt: refund.createdAt,
    note: refund.note,
    order: () => orderView(order),
    totalRefundedSet: bag(order, (c) => refundAmount(order, refund, c)),
    return: (_args: unknown, ctx: RequestContext) => {
      const ret = refund.returnId === null ? undefined : ctx.lookup.returns.get(refund.returnId);
      return ret ? returnView(ret) : null;
    },
    refundLineItems: (args: ConnectionArgs) =>
      connection(refund.lineItems, args, {
        key: (l) => l.lineItemId,
        view: (refunded) => {
          const line = order.lineItems.find((l) => l.id === refunded.lineItemId);
          if (!line) throw new Error(`Refund ${refund.id} names a missing line item`);
          return {
            __typename: "RefundLineItem",
            id: gid("RefundLineItem", refund.id * 100 + order.lineItems.indexOf(line)),
            lineItem: lineItemView(order, line),
            quantity: refunded.quantity,
            restocked: refund.returnId !== null,
            restockType: refund.returnId !== null ? "RETURN" : "CANCEL",
            priceSet: bag(order, (c) => lineAmounts(order, line, c).discountedUnit),
            subtotalSet: bag(order, (c) => lineAmounts(order, line, c).discountedUnit * refunded.quantity),
            totalTaxSet: bag(order, () => 0),
          };
        },
      }),
  };
}
