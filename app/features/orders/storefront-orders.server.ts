import { z } from "zod";

import { CustomerOrders } from "../../shopify/graphql/CustomerOrders";
import { OrderTracking } from "../../shopify/graphql/OrderTracking";
import type { authenticate } from "../../shopify.server";
import { callShopify } from "../../shopify/call-shopify.server";
import type { OrderTracking as Tracking, OrdersAnswer } from "../../contracts/storefront-api";
import { toOrderSummary, toOrderTracking } from "./order-tracking.server";

/** The Admin API client of an app-proxy request (the shop's offline session). */
export type StorefrontAdmin = NonNullable<Awaited<ReturnType<typeof authenticate.public.appProxy>>["admin"]>;

/** How many recent orders the signed-in shopper sees; older ones are a click away in their Shopify account. */
export const RECENT_ORDERS = 10;

/**
 * An order as a shopper names it: its number as printed on the confirmation (`1001`, `#1001`, or a shop's own
 * format such as `EU-1001`), or its id as the order list gives it (`gid://shopify/Order/…`). Letters, digits,
 * `.`, `_` and `-` only, so a value can never change the meaning of the search it goes into.
 */
export const orderRefSchema = z.union([
  z
    .string()
    .regex(/^gid:\/\/shopify\/Order\/\d{1,20}$/)
    .transform((id) => ({ kind: "id" as const, value: id.slice(id.lastIndexOf("/") + 1) })),
  orderNumberSchema().transform((name) => ({ kind: "name" as const, value: name })),
]);

export type OrderRef = z.infer<typeof orderRefSchema>;

/**
 * Digits as phones type them in Arabic-script layouts: Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹).
 * NFKC already turns full-width digits, letters, `＃` and `－` into ASCII, but leaves these as they are.
 */
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** An order number as typed, in the ASCII digits Shopify's order names use, without surrounding spaces. */
export function normalizeOrderNumber(typed: string): string {
  return typed
    .normalize("NFKC")
    .replace(ARABIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf))
    .trim();
}

/**
 * An order number typed by a shopper, without the `#` most shops print before it; digits from any keyboard
 * (full-width, Arabic-Indic) read as the ASCII digits Shopify's order names use.
 */
export function orderNumberSchema() {
  return z
    .string()
    .transform(normalizeOrderNumber)
    .transform((value) => value.replace(/^#/, ""))
    .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/));
}

/** Does Shopify's order name (`#1001`) match what the shopper typed (`1001`, case aside)? */
export function sameOrderName(orderName: string, typed: string): boolean {
  return orderName.replace(/^#/, "").toLowerCase() === typed.toLowerCase();
}

export function customerGid(customerId: string) {
  return `gid://shopify/Customer/${customerId}`;
}

/** The signed-in shopper's recent orders, newest first. Only that customer's: Shopify resolves them from the id. */
export async function listCustomerOrders(admin: StorefrontAdmin, customerId: string): Promise<OrdersAnswer> {
  const response = await callShopify(() =>
    admin.graphql(CustomerOrders, { variables: { customerId: customerGid(customerId), first: RECENT_ORDERS } }),
  );
  const { data } = await response.json();
  const orders = data?.customer?.orders;
  return {
    orders: orders?.nodes.map(toOrderSummary) ?? [],
    moreOrders: orders?.pageInfo.hasNextPage ?? false,
  };
}

/**
 * One of the signed-in shopper's orders with its tracking, or null. The search is scoped to the customer, and
 * the answer is checked again against the customer id, so another customer's order — guessed by number or by
 * id — is exactly as absent as an order that does not exist.
 */
export async function findCustomerOrder(
  admin: StorefrontAdmin,
  customerId: string,
  ref: OrderRef,
): Promise<Tracking | null> {
  const search = ref.kind === "id" ? `id:${ref.value}` : `name:${ref.value}`;
  const response = await callShopify(() =>
    admin.graphql(OrderTracking, { variables: { query: `customer_id:${customerId} AND ${search}` } }),
  );
  const { data } = await response.json();
  const order = data?.orders.nodes.find(
    (candidate) =>
      candidate.customer?.id === customerGid(customerId) &&
      (ref.kind === "id"
        ? candidate.id === `gid://shopify/Order/${ref.value}`
        : sameOrderName(candidate.name, ref.value)),
  );
  return order ? toOrderTracking(order, "customer") : null;
}
