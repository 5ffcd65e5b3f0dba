import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import type { ExchangeOption } from "../../contracts/storefront-api";
import { callShopify } from "../../shopify/call-shopify.server";
import { ExchangeVariants } from "../../shopify/graphql/ExchangeVariants";
import { ReturnableOrder } from "../../shopify/graphql/ReturnableOrder";
import { customerGid, findCustomerOrder, type OrderRef } from "../orders/storefront-orders.server";
import type { EligibilityOrder } from "./check-return-eligibility.server";
import type { LineExchange } from "./decide-return";

/**
 * One of a signed-in customer's orders as deciding a return reads it from the Admin API, and the variants its
 * lines could be exchanged for. Never another customer's order: it is exactly as absent as a missing one.
 */

export type ReturnableOrderData = NonNullable<Awaited<ReturnType<typeof fetchReturnableOrder>>>;

async function fetchReturnableOrder(admin: AdminApiContext, orderId: string) {
  const response = await callShopify(() => admin.graphql(ReturnableOrder, { variables: { id: orderId } }));
  const { data } = await response.json();
  if (!data?.order) return null;
  return { timezone: data.shop.ianaTimezone, order: data.order };
}

/** One of the customer's orders with what deciding a return needs; null for anyone else's. */
export async function loadCustomerOrder(
  admin: AdminApiContext,
  customerId: string,
  ref: OrderRef,
): Promise<ReturnableOrderData | null> {
  let orderId: string;
  if (ref.kind === "id") {
    orderId = `gid://shopify/Order/${ref.value}`;
  } else {
    const found = await findCustomerOrder(admin, customerId, ref);
    if (!found?.id) return null;
    orderId = found.id;
  }
  const data = await fetchReturnableOrder(admin, orderId);
  if (!data || data.order.customer?.id !== customerGid(customerId)) return null;
  return data;
}

/** Statuses whose units count as returned (declined and cancelled returns free theirs). */
const HOLDING_STATUSES = new Set(["REQUESTED", "OPEN", "CLOSED"]);

export function toEligibilityOrder({ timezone, order }: ReturnableOrderData): EligibilityOrder {
  const returned = new Map<string, number>();
  for (const ret of order.returns.nodes) {
    if (!HOLDING_STATUSES.has(ret.status)) continue;
    for (const line of ret.returnLineItems.nodes) {
      const lineItemId = "fulfillmentLineItem" in line ? line.fulfillmentLineItem?.lineItem?.id : undefined;
      if (lineItemId) returned.set(lineItemId, (returned.get(lineItemId) ?? 0) + line.quantity);
    }
  }
  const fulfillments = order.fulfillments.filter((fulfillment) => fulfillment.status === "SUCCESS");
  return {
    timezone,
    totalPrice: order.currentTotalPriceSet,
    lines: order.lineItems.nodes.map((line) => ({
      id: line.id,
      quantity: line.quantity,
      unfulfilledQuantity: line.unfulfilledQuantity,
      returnedQuantity: returned.get(line.id) ?? 0,
      isGiftCard: line.isGiftCard,
      product: line.product
        ? {
            tags: line.product.tags,
            productType: line.product.productType,
            collectionIds: line.product.collections.nodes.map((collection) => collection.id),
          }
        : null,
      originalUnitPrice: line.originalUnitPriceSet,
      discountedUnitPrice: line.discountedUnitPriceAfterAllDiscountsSet,
      fulfillments: fulfillments.flatMap((fulfillment) =>
        fulfillment.fulfillmentLineItems.nodes
          .filter((item) => item.lineItem.id === line.id)
          .map((item) => ({
            fulfillmentLineItemId: item.id,
            quantity: item.quantity ?? 0,
            createdAt: fulfillment.createdAt,
            deliveredAt: fulfillment.deliveredAt ?? null,
            displayStatus: fulfillment.displayStatus ?? null,
          })),
      ),
    })),
  };
}

// ---- Exchanges: the other variants of a line's product ----

/** Variants offered per line at most (the query reads 21 per product: the one bought is left out). */
export const MAX_EXCHANGE_OPTIONS = 20;

interface ExchangeProduct {
  title: string;
  variants: { nodes: { id: string; title: string; availableForSale: boolean }[] };
}

/** The variants a line can be exchanged for: the other variants of the same product, in the product's order. */
export function exchangeOptionsFor(boughtVariantId: string | null, product: ExchangeProduct): ExchangeOption[] {
  return product.variants.nodes
    .filter((variant) => variant.id !== boughtVariantId)
    .slice(0, MAX_EXCHANGE_OPTIONS)
    .map((variant) => ({ variantId: variant.id, title: variant.title, available: variant.availableForSale }));
}

/**
 * Exchange options of some of the order's lines, keyed by line item id, in one query for their products. A line
 * whose product was deleted has none.
 */
export async function loadExchanges(
  admin: AdminApiContext,
  data: ReturnableOrderData,
  lineItemIds: string[],
): Promise<Map<string, LineExchange>> {
  const exchanges = new Map<string, LineExchange>();
  const lines = data.order.lineItems.nodes.filter((line) => lineItemIds.includes(line.id));
  const productIds = [...new Set(lines.flatMap((line) => (line.product ? [line.product.id] : [])))];
  if (productIds.length === 0) return exchanges;
  const response = await callShopify(() => admin.graphql(ExchangeVariants, { variables: { ids: productIds } }));
  const { data: found } = await response.json();
  const products = new Map<string, ExchangeProduct>();
  for (const node of found?.nodes ?? []) {
    if (node && "variants" in node) products.set(node.id, node);
  }
  for (const line of lines) {
    const product = line.product ? products.get(line.product.id) : undefined;
    if (!product) continue;
    exchanges.set(line.id, {
      productTitle: product.title,
      options: exchangeOptionsFor(line.variant?.id ?? null, product),
    });
  }
  return exchanges;
}
