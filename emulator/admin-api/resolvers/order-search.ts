import type { RequestContext } from "../context";
import {
  displayFinancialStatus,
  displayFulfillmentStatus,
  orderReturnStatus,
  orderTotals,
  returnsOf,
} from "../derived";
import { matchDate, matchNumber, matchText, search, type SearchSpec, type SearchTerm } from "../search";
import type { EmulatorState, OrderRecord } from "../state";
import { notModelled } from "./common";

/** Shopify's `fulfillment_status:` values → display statuses they select. */
const FULFILLMENT_FILTER: Record<string, string[]> = {
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  unshipped: ["UNFULFILLED"],
  unfulfilled: ["UNFULFILLED", "PARTIALLY_FULFILLED"],
};

function matchStatus(order: OrderRecord, term: SearchTerm): boolean {
  const open = order.closedAt === null && order.cancelledAt === null;
  switch (term.value.toLowerCase()) {
    case "open":
      return open;
    case "closed":
      return order.closedAt !== null;
    case "cancelled":
      return order.cancelledAt !== null;
    case "not_closed":
      return order.closedAt === null;
    case "any":
      return true;
    default:
      return false;
  }
}

function orderSearch(state: EmulatorState, now: Date): SearchSpec<OrderRecord> {
  const customerName = (order: OrderRecord) => {
    const customer = state.customers.find((c) => c.id === order.customerId);
    return customer ? `${customer.firstName} ${customer.lastName}` : null;
  };
  return {
    fields: {
      name: (o, t) => matchText(o.name.replace(/^#/, ""), { ...t, value: t.value.replace(/^#/, "") }),
      id: (o, t) => matchNumber(o.id, t),
      customer_id: (o, t) => o.customerId !== null && matchNumber(o.customerId, t),
      email: (o, t) => matchText(o.email, t),
      status: matchStatus,
      fulfillment_status: (o, t) =>
        t.value.toLowerCase() === "any" ||
        (FULFILLMENT_FILTER[t.value.toLowerCase()] ?? []).includes(displayFulfillmentStatus(o)),
      financial_status: (o, t) =>
        t.value.toLowerCase() === "any" || displayFinancialStatus(o) === t.value.toUpperCase(),
      return_status: (o, t) => orderReturnStatus(returnsOf(state, o)) === t.value.toUpperCase(),
      created_at: (o, t) => matchDate(o.createdAt, t, now),
      processed_at: (o, t) => matchDate(o.processedAt, t, now),
      updated_at: (o, t) => matchDate(o.updatedAt, t, now),
      cancelled_at: (o, t) => matchDate(o.cancelledAt, t, now),
      tag: (o, t) => o.tags.some((tag) => matchText(tag, t)),
      tag_not: (o, t) => !o.tags.some((tag) => matchText(tag, t)),
      sku: (o, t) => o.lineItems.some((l) => matchText(l.sku, t)),
    },
    text: (o) => [o.name, o.name.replace(/^#/, ""), o.email, customerName(o)],
  };
}

const ORDER_SORT: Record<string, (a: OrderRecord, b: OrderRecord) => number> = {
  PROCESSED_AT: (a, b) => a.processedAt.localeCompare(b.processedAt) || a.id - b.id,
  CREATED_AT: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  UPDATED_AT: (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id,
  ID: (a, b) => a.id - b.id,
  ORDER_NUMBER: (a, b) => a.number - b.number,
  TOTAL_PRICE: (a, b) => orderTotals(a, "shop").total - orderTotals(b, "shop").total || a.id - b.id,
};

export interface OrderListArgs {
  query?: string | null;
  sortKey?: string | null;
}

/** Orders matching a `query:` sorted by `sortKey`, as `orders` and `Customer.orders` list them. */
export function listOrders(
  ctx: RequestContext,
  orders: readonly OrderRecord[],
  args: OrderListArgs,
  path: (string | number)[],
  defaultSort: string,
): OrderRecord[] {
  const warnings: { field: string; message: string }[] = [];
  const found = search(orders, args.query, orderSearch(ctx.state, ctx.now()), (w) => warnings.push(w));
  if (warnings.length && args.query) ctx.searchWarnings.push({ path, query: args.query, warnings });
  const sortKey = args.sortKey ?? defaultSort;
  const compare = ORDER_SORT[sortKey];
  if (!compare) throw notModelled(`orders(sortKey: ${sortKey})`);
  return found.sort(compare);
}
