import type {
  LineStatus,
  Money,
  OrderSummary,
  OrderTracking,
  Shipment,
  ShipmentProblem,
  ShipmentStage,
  TimelineEntry,
  TrackedLine,
} from "../../contracts/storefront-api";
import type { CustomerOrdersQuery, OrderTrackingQuery } from "../../types/admin.generated";

/**
 * What the storefront block is told about an order: the least that answers "where is my order?". Built only
 * from the fields the app's queries ask Shopify for (no address, phone or last name is ever fetched), and
 * every status is a lowercase key the block translates (`in_transit`, `partially_fulfilled`, …). The shapes are
 * the storefront API's (app/contracts/storefront-api.ts).
 */

/** Who is asking: a signed-in customer who owns the order, or a guest who proved order number and email. */
export type Audience = "customer" | "guest";

type SummaryNode = NonNullable<CustomerOrdersQuery["customer"]>["orders"]["nodes"][number];
export type TrackingNode = OrderTrackingQuery["orders"]["nodes"][number];
type FulfillmentNode = TrackingNode["fulfillments"][number];

const STAGES: readonly ShipmentStage[] = ["preparing", "shipped", "in_transit", "out_for_delivery", "delivered"];

/** Shopify's FulfillmentDisplayStatus → where the parcel is, and whether something went wrong. */
const DISPLAY_STATUS: Record<string, { stage: ShipmentStage; problem?: ShipmentProblem }> = {
  SUBMITTED: { stage: "preparing" },
  CONFIRMED: { stage: "preparing" },
  LABEL_PURCHASED: { stage: "preparing" },
  LABEL_PRINTED: { stage: "preparing" },
  LABEL_VOIDED: { stage: "preparing" },
  FULFILLED: { stage: "shipped" },
  MARKED_AS_FULFILLED: { stage: "shipped" },
  CARRIER_PICKED_UP: { stage: "shipped" },
  IN_TRANSIT: { stage: "in_transit" },
  DELAYED: { stage: "in_transit", problem: "delayed" },
  FAILURE: { stage: "in_transit", problem: "failure" },
  READY_FOR_PICKUP: { stage: "out_for_delivery" },
  OUT_FOR_DELIVERY: { stage: "out_for_delivery" },
  ATTEMPTED_DELIVERY: { stage: "out_for_delivery", problem: "attempted_delivery" },
  NOT_DELIVERED: { stage: "out_for_delivery", problem: "not_delivered" },
  DELIVERED: { stage: "delivered" },
  PICKED_UP: { stage: "delivered" },
};

/** Events that happen at the shopper's door: for a guest, their place and carrier notes stay out. */
const AT_THE_DOOR = new Set(["OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY", "DELIVERED"]);

function shipmentState(displayStatus: string | null | undefined) {
  const known = displayStatus ? DISPLAY_STATUS[displayStatus] : undefined;
  return {
    status: (displayStatus ?? "FULFILLED").toLowerCase(),
    stage: known?.stage ?? "shipped",
    problem: known?.problem ?? null,
  };
}

/** A cancelled fulfillment never ships: it is left out everywhere. */
function isActive(fulfillment: { status: string; displayStatus?: string | null }) {
  return fulfillment.status !== "CANCELLED" && fulfillment.displayStatus !== "CANCELED";
}

/** The one status an order list shows: what the shopper most needs to know about the order. */
export function orderStatus(
  order: { cancelledAt?: unknown; displayFulfillmentStatus: string },
  shipments: { status: string; stage: ShipmentStage; problem: ShipmentProblem | null }[],
): string {
  if (order.cancelledAt) return "cancelled";
  if (shipments.length === 0) return "unfulfilled";
  if (order.displayFulfillmentStatus === "PARTIALLY_FULFILLED") return "partially_fulfilled";
  const troubled = shipments.find((shipment) => shipment.problem);
  if (troubled) return troubled.problem!;
  const furthestBehind = [...shipments].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))[0]!;
  return furthestBehind.stage === "delivered" ? "delivered" : furthestBehind.status;
}

export function money(value: { amount: unknown; currencyCode: string }): Money {
  return { amount: String(value.amount), currencyCode: value.currencyCode };
}

export function toOrderSummary(order: SummaryNode): OrderSummary {
  const shipments = order.fulfillments.filter(isActive).map((f) => shipmentState(f.displayStatus));
  return {
    id: order.id,
    name: order.name,
    processedAt: String(order.processedAt),
    status: orderStatus(order, shipments),
    itemCount: order.currentSubtotalLineItemsQuantity,
    total: money(order.currentTotalPriceSet.presentmentMoney),
  };
}

export function toOrderTracking(order: TrackingNode, audience: Audience): OrderTracking {
  const fulfillments = order.fulfillments.filter(isActive);
  const titles = new Map(order.lineItems.nodes.map((line) => [line.id, line.title]));
  const shipments = fulfillments.map((fulfillment) => toShipment(fulfillment, titles, audience));
  const fulfilled = new Map<string, number>();
  for (const fulfillment of fulfillments) {
    for (const item of fulfillment.fulfillmentLineItems.nodes) {
      fulfilled.set(item.lineItem.id, (fulfilled.get(item.lineItem.id) ?? 0) + (item.quantity ?? 0));
    }
  }
  return {
    ...(audience === "customer" ? { id: order.id } : {}),
    name: order.name,
    processedAt: String(order.processedAt),
    status: orderStatus(order, shipments),
    total: money(order.currentTotalPriceSet.presentmentMoney),
    firstName: order.customer?.firstName?.trim() || null,
    email: maskEmail(order.email),
    lines: order.lineItems.nodes.map((line) => toLine(line, fulfilled.get(line.id) ?? 0, Boolean(order.cancelledAt))),
    moreLines: order.lineItems.pageInfo.hasNextPage,
    shipments,
  };
}

function toLine(line: TrackingNode["lineItems"]["nodes"][number], fulfilledQuantity: number, cancelled: boolean) {
  const unfulfilledQuantity = cancelled ? 0 : line.unfulfilledQuantity;
  let status: LineStatus;
  if (cancelled) status = "cancelled";
  else if (line.currentQuantity === 0 && fulfilledQuantity === 0) status = "removed";
  else if (unfulfilledQuantity === 0) status = "fulfilled";
  else status = fulfilledQuantity === 0 ? "unfulfilled" : "partially_fulfilled";
  const imageUrl = line.image ? safeUrl(String(line.image.url), { images: true }) : null;
  return {
    id: line.id,
    title: line.title,
    variantTitle: line.variantTitle ?? null,
    quantity: cancelled ? line.quantity : Math.max(line.currentQuantity, fulfilledQuantity),
    fulfilledQuantity,
    unfulfilledQuantity,
    status,
    image: imageUrl ? { url: imageUrl, altText: line.image?.altText || line.title } : null,
  } satisfies TrackedLine;
}

function toShipment(fulfillment: FulfillmentNode, titles: Map<string, string>, audience: Audience): Shipment {
  const events = [...fulfillment.events.nodes].sort((a, b) => String(a.happenedAt).localeCompare(String(b.happenedAt)));
  const timeline: TimelineEntry[] = events.map((event) => {
    const private_ = audience === "guest" && AT_THE_DOOR.has(event.status);
    return {
      status: event.status.toLowerCase(),
      happenedAt: String(event.happenedAt),
      location: private_ ? null : place(event),
      message: private_ ? null : event.message?.trim() || null,
    };
  });
  if (timeline.length === 0) {
    // No carrier scans (no tracking, or a carrier Shopify does not follow): the dates Shopify keeps still tell
    // the story.
    const entry = (status: string, at: unknown) => ({ status, happenedAt: String(at), location: null, message: null });
    timeline.push(entry("fulfilled", fulfillment.createdAt));
    if (fulfillment.inTransitAt) timeline.push(entry("in_transit", fulfillment.inTransitAt));
    if (fulfillment.deliveredAt) timeline.push(entry("delivered", fulfillment.deliveredAt));
  }
  return {
    name: fulfillment.name,
    ...shipmentState(fulfillment.displayStatus),
    tracking: fulfillment.trackingInfo.map((info) => ({
      carrier: info.company ?? null,
      number: info.number ?? null,
      url: info.url ? safeUrl(String(info.url)) : null,
    })),
    shippedAt: String(fulfillment.createdAt),
    estimatedDeliveryAt: fulfillment.estimatedDeliveryAt ? String(fulfillment.estimatedDeliveryAt) : null,
    deliveredAt: fulfillment.deliveredAt ? String(fulfillment.deliveredAt) : null,
    timeline,
    lines: fulfillment.fulfillmentLineItems.nodes.map((item) => ({
      lineId: item.lineItem.id,
      title: titles.get(item.lineItem.id) ?? "",
      quantity: item.quantity ?? 0,
    })),
  };
}

function place(event: { city?: string | null; province?: string | null; country?: string | null }) {
  const parts = [event.city, event.province, event.country].map((part) => part?.trim()).filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

/** Only web links reach the block (a tracking URL is a merchant-editable field); images may be inline data. */
function safeUrl(value: string, options: { images?: boolean } = {}): string | null {
  if (options.images && /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** `emma.johnson@example.com` → `e***@example.com`: enough for a shopper to recognise, too little to reuse. */
export function maskEmail(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 0) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return `${[...local][0] ?? ""}***@${domain}`;
}
