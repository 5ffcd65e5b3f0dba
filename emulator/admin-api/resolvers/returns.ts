import { connection, type ConnectionArgs } from "../connection";
import type { RequestContext } from "../context";
import { currencyCode, lineAmounts, returnableLines } from "../derived";
import { gid, idOf } from "../ids";
import { moneyBag } from "../money";
import { matchText, search, type SearchSpec } from "../search";
import type {
  ExchangeLineItemRecord,
  FulfillmentRecord,
  OrderRecord,
  ReturnReasonDefinitionRecord,
  ReturnRecord,
} from "../state";
import { notModelled, type View } from "./common";
import { fulfillmentLineItemView, fulfillmentView, orderView, refundView } from "./orders";

export function returnView(ret: ReturnRecord): View {
  const orderOf = (ctx: RequestContext): OrderRecord => {
    const order = ctx.lookup.orders.get(ret.orderId);
    if (!order) throw new Error(`Return ${ret.name} belongs to a missing order`);
    return order;
  };
  return {
    __typename: "Return",
    id: gid("Return", ret.id),
    name: ret.name,
    status: ret.status,
    createdAt: ret.createdAt,
    requestApprovedAt: ret.requestApprovedAt,
    closedAt: ret.closedAt,
    decline: ret.decline,
    totalQuantity: ret.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    returnShippingFees: [],
    order: (_args: unknown, ctx: RequestContext) => orderView(orderOf(ctx)),
    returnLineItems: (args: ConnectionArgs & { processingStatus?: unknown }, ctx: RequestContext) => {
      if (args.processingStatus) throw notModelled("Return.returnLineItems(processingStatus:)");
      return connection(ret.lineItems, args, {
        key: (l) => l.id,
        view: (l) => returnLineItemView(ret, l, orderOf(ctx)),
      });
    },
    exchangeLineItems: (args: ConnectionArgs & { includeRemovedItems?: unknown }, ctx: RequestContext) =>
      connection(ret.exchangeLineItems ?? [], args, { key: (l) => l.id, view: (l) => exchangeLineItemView(l, ctx) }),
    refunds: (args: ConnectionArgs, ctx: RequestContext) => {
      const order = orderOf(ctx);
      return connection(
        order.refunds.filter((r) => r.returnId === ret.id),
        args,
        { key: (r) => r.id, view: (r) => refundView(order, r) },
      );
    },
  };
}

/** What the buyer gets instead. Not modelled: pricing, discounts and the order line an exchange adds. */
function exchangeLineItemView(line: ExchangeLineItemRecord, ctx: RequestContext): View {
  const found = ctx.lookup.variants.get(line.variantId);
  return {
    __typename: "ExchangeLineItem",
    id: gid("ExchangeLineItem", line.id),
    quantity: line.quantity,
    processableQuantity: 0,
    processedQuantity: 0,
    unprocessedQuantity: line.quantity,
    variantId: gid("ProductVariant", line.variantId),
    productId: found ? gid("Product", found.product.id) : null,
    title: found?.product.title ?? null,
    variantTitle: found?.variant.title ?? null,
    variantSku: found?.variant.sku ?? null,
    lineItem: null,
    lineItems: [],
  };
}

function returnLineItemView(ret: ReturnRecord, line: ReturnRecord["lineItems"][number], order: OrderRecord): View {
  const processed = ret.status === "CLOSED" ? line.quantity : 0;
  const refunded = order.refunds.filter((r) => r.returnId === ret.id).length > 0 ? line.quantity : 0;
  return {
    __typename: "ReturnLineItem",
    id: gid("ReturnLineItem", line.id),
    quantity: line.quantity,
    customerNote: line.customerNote,
    returnReasonNote: line.returnReasonNote,
    processedQuantity: processed,
    unprocessedQuantity: line.quantity - processed,
    processableQuantity: ret.status === "OPEN" ? line.quantity - processed : 0,
    refundedQuantity: refunded,
    refundableQuantity: ret.status === "OPEN" || ret.status === "CLOSED" ? line.quantity - refunded : 0,
    restockingFee: null,
    totalWeight: null,
    returnReasonDefinition: (_args: unknown, ctx: RequestContext) => {
      const reason =
        line.returnReasonDefinitionId === null
          ? undefined
          : ctx.lookup.returnReasons.get(line.returnReasonDefinitionId);
      return reason ? returnReasonView(reason) : null;
    },
    fulfillmentLineItem: (_args: unknown, ctx: RequestContext) => {
      const found = ctx.lookup.fulfillmentLineItems.get(line.fulfillmentLineItemId);
      if (!found) throw new Error(`Return line ${line.id} points at a missing fulfillment line item`);
      return fulfillmentLineItemView(found.order, found.fulfillmentLineItem);
    },
    withCodeDiscountedTotalPriceSet: (_args: unknown, ctx: RequestContext) => {
      const found = ctx.lookup.fulfillmentLineItems.get(line.fulfillmentLineItemId);
      const item = found && order.lineItems.find((l) => l.id === found.fulfillmentLineItem.lineItemId);
      const amount = (c: "shop" | "presentment") =>
        item ? lineAmounts(order, item, c).discountedUnit * line.quantity : 0;
      return moneyBag(
        { cents: amount("shop"), currency: currencyCode(order, "shop") },
        { cents: amount("presentment"), currency: currencyCode(order, "presentment") },
      );
    },
  };
}

export function returnReasonView(reason: ReturnReasonDefinitionRecord): View {
  return {
    __typename: "ReturnReasonDefinition",
    id: gid("ReturnReasonDefinition", reason.id),
    handle: reason.handle,
    name: reason.name,
    deleted: reason.deleted,
  };
}

const REASON_SEARCH: SearchSpec<ReturnReasonDefinitionRecord> = {
  fields: { handle: (r, t) => matchText(r.handle, t), name: (r, t) => matchText(r.name, t) },
  text: (r) => [r.name, r.handle],
};

const REASON_SORT: Record<string, (a: ReturnReasonDefinitionRecord, b: ReturnReasonDefinitionRecord) => number> = {
  ID: (a, b) => a.id - b.id,
  HANDLE: (a, b) => a.handle.localeCompare(b.handle),
  NAME: (a, b) => a.name.localeCompare(b.name),
};

export function returnReasonDefinitions(
  args: ConnectionArgs & {
    handles?: string[] | null;
    ids?: string[] | null;
    query?: string | null;
    sortKey?: string | null;
  },
  ctx: RequestContext,
) {
  let reasons = search(ctx.state.returnReasonDefinitions, args.query, REASON_SEARCH);
  if (args.handles) reasons = reasons.filter((r) => args.handles?.includes(r.handle));
  if (args.ids) {
    const ids = args.ids.map((id) => idOf(id, "ReturnReasonDefinition"));
    reasons = reasons.filter((r) => ids.includes(r.id));
  }
  const compare = REASON_SORT[args.sortKey ?? "ID"];
  if (!compare) throw notModelled(`returnReasonDefinitions(sortKey: ${args.sortKey})`);
  return connection(reasons.sort(compare), args, { key: (r) => r.id, view: returnReasonView });
}

export function returnableFulfillmentView(order: OrderRecord, fulfillment: FulfillmentRecord): View {
  return {
    __typename: "ReturnableFulfillment",
    id: gid("ReturnableFulfillment", fulfillment.id),
    fulfillment: () => fulfillmentView(order, fulfillment),
    returnableFulfillmentLineItems: (args: ConnectionArgs, ctx: RequestContext) =>
      connection(
        returnableLines(
          fulfillment,
          ctx.state.returns.filter((r) => r.orderId === order.id),
        ),
        args,
        {
          key: (entry) => entry.fulfillmentLineItem.id,
          view: (entry) => ({
            quantity: entry.quantity,
            fulfillmentLineItem: fulfillmentLineItemView(order, entry.fulfillmentLineItem),
          }),
        },
      ),
  };
}
