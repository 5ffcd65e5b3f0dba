import type {
  AddressRecord,
  CustomerRecord,
  FulfillmentEventRecord,
  FulfillmentEventStatus,
  FulfillmentRecord,
  LineItemRecord,
  OrderRecord,
  ProductRecord,
  RefundRecord,
  ReturnReasonDefinitionRecord,
  ReturnRecord,
} from "../state";
import { trackingFor } from "./carriers";
import type { SeedClock } from "./clock";
import { guestAddress, type CustomerKey } from "./customers";
import type { IdSequence } from "./ids";
import type { OrderSpec, ReturnSpec, ShipSpec } from "./orders";

/** Fixed checkout exchange rates from the shop currency (USD). */
const PRESENTMENT: Record<string, { currency: string; rate: number }> = {
  FR: { currency: "EUR", rate: 0.92 },
  DE: { currency: "EUR", rate: 0.92 },
  ES: { currency: "EUR", rate: 0.92 },
  CA: { currency: "CAD", rate: 1.37 },
};
const FREE_SHIPPING_FROM_CENTS = 100_00;
const SHIPPING_CENTS = 8_00;
const FIRST_ORDER_NUMBER = 1001;
/** The warehouse every parcel leaves from; carrier scans before delivery happen here. */
const ORIGIN = { city: "Columbus", province: "OH", country: "US", zip: "43215" };

interface Inputs {
  ids: IdSequence;
  clock: SeedClock;
  products: ProductRecord[];
  customers: Map<CustomerKey, CustomerRecord>;
  reasons: ReturnReasonDefinitionRecord[];
}

export function buildOrders(specs: OrderSpec[], inputs: Inputs): { orders: OrderRecord[]; returns: ReturnRecord[] } {
  const orders: OrderRecord[] = [];
  const returns: ReturnRecord[] = [];
  specs.forEach((spec, index) => {
    const order = buildOrder(spec, FIRST_ORDER_NUMBER + index, inputs);
    orders.push(order);
    spec.returns?.forEach((returnSpec, k) => returns.push(buildReturn(order, returnSpec, k + 1, inputs)));
  });
  return { orders, returns };
}

function buildOrder(spec: OrderSpec, number: number, inputs: Inputs): OrderRecord {
  const { ids, clock } = inputs;
  const name = `#${number}`;
  const customer = spec.who.startsWith("guest:") ? null : inputs.customers.get(spec.who as CustomerKey);
  if (customer === undefined) throw new Error(`${name}: unknown customer ${spec.who}`);
  const email = customer ? customer.email : spec.who.slice("guest:".length);
  const shippingAddress: AddressRecord = customer ? customer.address : guestAddress(email, spec.guestCountry ?? "US");
  const presentment = PRESENTMENT[shippingAddress.countryCode] ?? { currency: "USD", rate: 1 };
  // Hours spread orders over the day, deterministically.
  const createdAt = clock.ago(spec.daysAgo, 2 + (number % 9));

  const lineItems = spec.lines.map((line) => buildLineItem(line, name, inputs));
  const subtotal = lineItems.reduce((sum, l) => sum + l.unitPriceCents * l.quantity - l.discountCents, 0);
  const shippable = lineItems.some((l) => l.requiresShipping);
  const order: OrderRecord = {
    id: ids.take("Order"),
    number,
    name,
    email,
    customerId: customer?.id ?? null,
    createdAt,
    processedAt: createdAt,
    updatedAt: createdAt,
    cancelledAt: spec.cancelled ? clock.ago(spec.cancelled.daysAgo) : null,
    cancelReason: spec.cancelled?.reason ?? null,
    // Cancelling an order archives (closes) it in Shopify.
    closedAt: spec.cancelled ? clock.ago(spec.cancelled.daysAgo) : null,
    currencyCode: "USD",
    presentmentCurrencyCode: presentment.currency,
    presentmentRate: presentment.rate,
    customerLocale: customer?.locale ?? spec.guestLocale ?? "en",
    payment: spec.payment ?? "PAID",
    shippingCents: shippable && subtotal < FREE_SHIPPING_FROM_CENTS ? SHIPPING_CENTS : 0,
    tags: spec.tags ?? [],
    note: spec.note ?? null,
    shippingAddress: shippable ? shippingAddress : null,
    lineItems,
    fulfillments: [],
    refunds: [],
  };
  spec.ship?.forEach((ship, k) => order.fulfillments.push(buildFulfillment(order, ship, k + 1, inputs)));
  if (spec.cancelled && order.payment === "PAID") {
    order.refunds.push({
      id: ids.take("Refund"),
      createdAt: clock.ago(spec.cancelled.daysAgo),
      note: "Order cancelled",
      returnId: null,
      lineItems: order.lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
      shippingCents: order.shippingCents,
    });
  }
  order.updatedAt = latest([order.createdAt, ...order.fulfillments.map((f) => f.updatedAt), order.cancelledAt]);
  return order;
}

const LINE = /^([a-z0-9-]+)(?::(.+?))?(?: x(\d+))?(?: -(\d+)%)?$/;

function buildLineItem(text: string, orderName: string, { ids, products }: Inputs): LineItemRecord {
  const match = LINE.exec(text);
  if (!match?.[1]) throw new Error(`${orderName}: cannot read line "${text}"`);
  const [, handle, variantTitle = "Default Title", quantity = "1", discountPercent = "0"] = match;
  const product = products.find((p) => p.handle === handle);
  const variant = product?.variants.find((v) => v.title === variantTitle);
  if (!product || !variant) throw new Error(`${orderName}: no product variant "${text}"`);
  const qty = Number(quantity);
  return {
    id: ids.take("LineItem"),
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    variantTitle: variant.title === "Default Title" ? null : variant.title,
    sku: variant.sku,
    vendor: product.vendor,
    quantity: qty,
    unitPriceCents: variant.priceCents,
    discountCents: Math.round((variant.priceCents * qty * Number(discountPercent)) / 100),
    isGiftCard: product.isGiftCard,
    requiresShipping: variant.requiresShipping,
  };
}

function buildFulfillment(
  order: OrderRecord,
  ship: ShipSpec,
  sequence: number,
  { ids, clock }: Inputs,
): FulfillmentRecord {
  const shippedAt = clock.ago(ship.at, order.number % 5);
  const lines =
    ship.lines ??
    order.lineItems.map((line, index): [number, number] => [index, line.quantity - fulfilledSoFar(order, line.id)]);
  const lineItems = lines
    .filter(([, quantity]) => quantity > 0)
    .map(([index, quantity]) => {
      const line = order.lineItems[index];
      if (!line) throw new Error(`${order.name}: fulfillment names line ${index}`);
      return { id: ids.take("FulfillmentLineItem"), lineItemId: line.id, quantity };
    });
  const deliveredAt = ship.delivered === undefined ? null : clock.ago(ship.delivered, 3);
  const eta = ship.eta === undefined ? deliveredAt : clock.ahead(ship.eta, 6);
  const destination = order.shippingAddress;
  const events = eventsFor(ship, shippedAt, deliveredAt, clock).map(
    ([status, happenedAt, message]): FulfillmentEventRecord => {
      const atOrigin = status === "LABEL_PURCHASED" || status === "CONFIRMED" || status === "IN_TRANSIT";
      return {
        id: ids.take("FulfillmentEvent"),
        status,
        happenedAt,
        message,
        city: atOrigin ? ORIGIN.city : (destination?.city ?? null),
        province: atOrigin ? ORIGIN.province : (destination?.provinceCode ?? null),
        country: atOrigin ? ORIGIN.country : (destination?.countryCode ?? null),
        zip: atOrigin ? ORIGIN.zip : (destination?.zip ?? null),
      };
    },
  );
  return {
    id: ids.take("Fulfillment"),
    name: `${order.name}-F${sequence}`,
    status: "SUCCESS",
    displayStatus: ship.status,
    createdAt: shippedAt,
    updatedAt: latest([shippedAt, ...events.map((e) => e.happenedAt)]),
    inTransitAt: events.find((e) => e.status === "IN_TRANSIT")?.happenedAt ?? null,
    deliveredAt,
    estimatedDeliveryAt: ship.carrier ? eta : null,
    tracking: ship.carrier ? [trackingFor(ship.carrier, order.number * 10 + sequence)] : [],
    lineItems,
    events,
  };
}

function fulfilledSoFar(order: OrderRecord, lineItemId: number): number {
  return order.fulfillments
    .flatMap((f) => f.lineItems)
    .filter((l) => l.lineItemId === lineItemId)
    .reduce((sum, l) => sum + l.quantity, 0);
}

/** The carrier scans a parcel in this display status has been through, oldest first. */
function eventsFor(
  ship: ShipSpec,
  shippedAt: string,
  deliveredAt: string | null,
  clock: SeedClock,
): [FulfillmentEventStatus, string, string][] {
  if (!ship.carrier || ship.status === "FULFILLED" || ship.status === "MARKED_AS_FULFILLED") return [];
  if (ship.status === "LABEL_PURCHASED") return [["LABEL_PURCHASED", shippedAt, "Shipping label created"]];
  const events: [FulfillmentEventStatus, string, string][] = [
    ["CONFIRMED", shippedAt, "Shipment information received"],
    ["IN_TRANSIT", clock.shift(shippedAt, 0, 12), "Departed facility, in transit"],
  ];
  switch (ship.status) {
    case "DELAYED":
      events.push(["DELAYED", clock.ago(0, 20), "Delayed: weather conditions in the area"]);
      break;
    case "OUT_FOR_DELIVERY":
      events.push(["OUT_FOR_DELIVERY", clock.ago(0, 3), "Out for delivery"]);
      break;
    case "ATTEMPTED_DELIVERY":
      events.push(["OUT_FOR_DELIVERY", clock.ago(0, 9), "Out for delivery"]);
      events.push(["ATTEMPTED_DELIVERY", clock.ago(0, 2), "Delivery attempted: no access to the building"]);
      break;
    case "DELIVERED":
      if (!deliveredAt) throw new Error("A DELIVERED fulfillment needs a delivery date");
      events.push(["OUT_FOR_DELIVERY", clock.shift(deliveredAt, 0, -5), "Out for delivery"]);
      events.push(["DELIVERED", deliveredAt, "Delivered, left at front door"]);
      break;
  }
  return events;
}

function buildReturn(
  order: OrderRecord,
  spec: ReturnSpec,
  sequence: number,
  { ids, clock, reasons }: Inputs,
): ReturnRecord {
  const createdAt = clock.ago(spec.at, 4);
  const approvedAt = spec.status === "REQUESTED" || spec.status === "DECLINED" ? null : clock.shift(createdAt, 0, 2);
  const closedAt = spec.status === "CLOSED" ? clock.shift(createdAt, 4) : null;
  const returnId = ids.take("Return");
  const lineItems = spec.lines.map(([lineIndex, quantity, reasonHandle, note]) => {
    const line = order.lineItems[lineIndex];
    const fulfillmentLine = order.fulfillments
      .flatMap((f) => f.lineItems)
      .find((fl) => fl.lineItemId === line?.id && fl.quantity >= quantity);
    const reason = reasons.find((r) => r.handle === reasonHandle);
    if (!fulfillmentLine || !reason)
      throw new Error(`${order.name}: return line ${lineIndex} (${reasonHandle}) does not match the order`);
    return {
      id: ids.take("ReturnLineItem"),
      fulfillmentLineItemId: fulfillmentLine.id,
      quantity,
      returnReasonDefinitionId: reason.id,
      customerNote: note ?? null,
      returnReasonNote: "",
    };
  });
  if (spec.refund && closedAt) {
    const refund: RefundRecord = {
      id: ids.take("Refund"),
      createdAt: closedAt,
      note: null,
      returnId,
      lineItems: spec.lines.flatMap(([lineIndex, quantity]) => {
        const line = order.lineItems[lineIndex];
        return line ? [{ lineItemId: line.id, quantity }] : [];
      }),
      shippingCents: spec.refund === "full" ? order.shippingCents : 0,
    };
    order.refunds.push(refund);
    order.updatedAt = latest([order.updatedAt, closedAt]);
  }
  return {
    id: returnId,
    orderId: order.id,
    name: `${order.name}-R${sequence}`,
    status: spec.status,
    createdAt,
    requestApprovedAt: approvedAt,
    closedAt,
    decline: spec.decline
      ? { reason: spec.decline, note: spec.decline === "FINAL_SALE" ? "Swimwear is final sale." : null }
      : null,
    lineItems,
  };
}

function latest(dates: (string | null)[]): string {
  return dates.filter((d): d is string => d !== null).reduce((a, b) => (a > b ? a : b));
}
