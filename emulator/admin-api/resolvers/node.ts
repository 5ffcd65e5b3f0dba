import { isObjectType } from "graphql";
import type { RequestContext } from "../context";
import { returnableFulfillments } from "../derived";
import { isGid, parseGid } from "../ids";
import { adminSchema } from "../schema";
import { appInstallationView, metafieldView } from "./app";
import { collectionView, productView, variantView } from "./catalog";
import { notModelled, type View } from "./common";
import { customerView } from "./customers";
import { fulfillmentLineItemView, fulfillmentView, lineItemView, orderView } from "./orders";
import { returnReasonView, returnView, returnableFulfillmentView } from "./returns";
import { shopView } from "./shop";
import { themeView } from "./themes";

type Finder = (id: number, ctx: RequestContext) => View | null;

/** Types `node(id:)` can fetch. */
const FINDERS: Record<string, Finder> = {
  Order: (id, { lookup }) => {
    const order = lookup.orders.get(id);
    return order ? orderView(order) : null;
  },
  LineItem: (id, { lookup }) => {
    const found = lookup.lineItems.get(id);
    return found ? lineItemView(found.order, found.line) : null;
  },
  Fulfillment: (id, { lookup }) => {
    const found = lookup.fulfillments.get(id);
    return found ? fulfillmentView(found.order, found.fulfillment) : null;
  },
  FulfillmentLineItem: (id, { lookup }) => {
    const found = lookup.fulfillmentLineItems.get(id);
    return found ? fulfillmentLineItemView(found.order, found.fulfillmentLineItem) : null;
  },
  Customer: (id, { lookup }) => {
    const customer = lookup.customers.get(id);
    return customer ? customerView(customer) : null;
  },
  Product: (id, { lookup }) => {
    const product = lookup.products.get(id);
    return product ? productView(product) : null;
  },
  ProductVariant: (id, { lookup }) => {
    const found = lookup.variants.get(id);
    return found ? variantView(found.product, found.variant) : null;
  },
  Collection: (id, { lookup }) => {
    const collection = lookup.collections.get(id);
    return collection ? collectionView(collection) : null;
  },
  Return: (id, { lookup }) => {
    const ret = lookup.returns.get(id);
    return ret ? returnView(ret) : null;
  },
  ReturnReasonDefinition: (id, { lookup }) => {
    const reason = lookup.returnReasons.get(id);
    return reason ? returnReasonView(reason) : null;
  },
  ReturnableFulfillment: (id, ctx) => {
    const found = ctx.lookup.fulfillments.get(id);
    if (!found) return null;
    const returnable = returnableFulfillments(
      found.order,
      ctx.state.returns.filter((r) => r.orderId === found.order.id),
    );
    return returnable.some((r) => r.fulfillment.id === id)
      ? returnableFulfillmentView(found.order, found.fulfillment)
      : null;
  },
  AppInstallation: (id, { state }) => (id === state.app.installationId ? appInstallationView(state.app) : null),
  Metafield: (id, { lookup, state }) => {
    const metafield = lookup.metafields.get(id);
    return metafield ? metafieldView(metafield, state.app) : null;
  },
  OnlineStoreTheme: (id, { lookup }) => {
    const theme = lookup.themes.get(id);
    return theme ? themeView(theme) : null;
  },
  Shop: (id, ctx) => (id === ctx.state.shop.id ? shopView(ctx.state.shop, ctx.now()) : null),
};

/** `node(id:)`: the object, null when it does not exist, an error when its type is not modelled. */
export function findNode(id: string, ctx: RequestContext, expectedType?: string): View | null {
  if (!isGid(id)) return null;
  const parsed = parseGid(id);
  if (!parsed) return null;
  if (expectedType && parsed.type !== expectedType) return null;
  const finder = FINDERS[parsed.type];
  if (finder) return finder(parsed.id, ctx);
  const type = adminSchema().getType(parsed.type);
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node"))
    throw notModelled(`node(id:) for ${parsed.type}`);
  return null;
}
