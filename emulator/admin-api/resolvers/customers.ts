import { connection, type ConnectionArgs } from "../connection";
import type { RequestContext } from "../context";
import { orderTotals } from "../derived";
import { gid } from "../ids";
import { moneyV2 } from "../money";
import { matchNumber, matchText, search, type SearchSpec } from "../search";
import type { CustomerRecord } from "../state";
import { mailingAddressView, notModelled, uint64, type View } from "./common";
import { listOrders, type OrderListArgs } from "./order-search";
import { orderView } from "./orders";

export function customerView(customer: CustomerRecord): View {
  const ordersOf = (ctx: RequestContext) => ctx.state.orders.filter((o) => o.customerId === customer.id);
  const address = mailingAddressView(
    customer.address,
    `${gid("MailingAddress", customer.id)}?model_name=CustomerAddress`,
  );
  return {
    __typename: "Customer",
    id: gid("Customer", customer.id),
    legacyResourceId: uint64(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`,
    defaultEmailAddress: {
      emailAddress: customer.email,
      validFormat: true,
      marketingState: "NOT_SUBSCRIBED",
      marketingOptInLevel: null,
      marketingUpdatedAt: null,
    },
    defaultPhoneNumber: null,
    locale: customer.locale,
    tags: customer.tags,
    note: null,
    state: "ENABLED",
    verifiedEmail: true,
    taxExempt: false,
    canDelete: false,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    defaultAddress: address,
    addressesV2: (args: ConnectionArgs) => connection([address], args, { key: () => customer.id, view: (a) => a }),
    numberOfOrders: (_args: unknown, ctx: RequestContext) => uint64(ordersOf(ctx).length),
    amountSpent: (_args: unknown, ctx: RequestContext) =>
      moneyV2(
        ordersOf(ctx).reduce((sum, o) => (o.payment === "PAID" ? sum + orderTotals(o, "shop").currentTotal : sum), 0),
        ctx.state.shop.currencyCode,
      ),
    lastOrder: (_args: unknown, ctx: RequestContext) => {
      const last = ordersOf(ctx).sort((a, b) => b.processedAt.localeCompare(a.processedAt))[0];
      return last ? orderView(last) : null;
    },
    orders: (args: ConnectionArgs & OrderListArgs, ctx: RequestContext) =>
      connection(listOrders(ctx, ordersOf(ctx), args, ["customer", "orders"], "ID"), args, {
        key: (o) => o.id,
        view: orderView,
      }),
  };
}

const CUSTOMER_SEARCH: SearchSpec<CustomerRecord> = {
  fields: {
    email: (c, t) => matchText(c.email, t),
    id: (c, t) => matchNumber(c.id, t),
    first_name: (c, t) => matchText(c.firstName, t),
    last_name: (c, t) => matchText(c.lastName, t),
    tag: (c, t) => c.tags.some((tag) => matchText(tag, t)),
    country: (c, t) => matchText(c.address.country, t) || matchText(c.address.countryCode, t),
  },
  text: (c) => [c.firstName, c.lastName, `${c.firstName} ${c.lastName}`, c.email],
};

const CUSTOMER_SORT: Record<string, (a: CustomerRecord, b: CustomerRecord) => number> = {
  ID: (a, b) => a.id - b.id,
  NAME: (a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`),
  CREATED_AT: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  UPDATED_AT: (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id,
};

export function listCustomers(
  ctx: RequestContext,
  args: { query?: string | null; sortKey?: string | null },
): CustomerRecord[] {
  const warnings: { field: string; message: string }[] = [];
  const found = search(ctx.state.customers, args.query, CUSTOMER_SEARCH, (w) => warnings.push(w));
  if (warnings.length && args.query) ctx.searchWarnings.push({ path: ["customers"], query: args.query, warnings });
  const compare = CUSTOMER_SORT[args.sortKey ?? "ID"];
  if (!compare) throw notModelled(`customers(sortKey: ${args.sortKey})`);
  return found.sort(compare);
}
