import { GraphQLError } from "graphql";
import { connection, type ConnectionArgs } from "../connection";
import type { RequestContext } from "../context";
import { returnableFulfillments } from "../derived";
import { idOf, isGid } from "../ids";
import { matchNumber, matchText, search, type SearchSpec } from "../search";
import type { CollectionRecord, ProductRecord, VariantRecord } from "../state";
import { appInstallationView, appView } from "./app";
import { collectionView, productView, searchProducts, sortProducts, variantView } from "./catalog";
import { count, type View } from "./common";
import { customerView, listCustomers } from "./customers";
import { findNode } from "./node";
import { listOrders, type OrderListArgs } from "./order-search";
import { orderView } from "./orders";
import { returnReasonDefinitions, returnableFulfillmentView } from "./returns";
import { shopLocaleView, shopView } from "./shop";
import { themeView } from "./themes";

type IdArg = { id: string };

const VARIANT_SEARCH: SearchSpec<{ product: ProductRecord; variant: VariantRecord }> = {
  fields: {
    sku: (v, t) => matchText(v.variant.sku, t),
    title: (v, t) => matchText(v.variant.title, t),
    product_id: (v, t) => matchNumber(v.product.id, t),
    id: (v, t) => matchNumber(v.variant.id, t),
  },
  text: (v) => [v.variant.sku, v.variant.title, v.product.title],
};

const COLLECTION_SEARCH: SearchSpec<CollectionRecord> = {
  fields: {
    title: (c, t) => matchText(c.title, t),
    handle: (c, t) => matchText(c.handle, t),
    id: (c, t) => matchNumber(c.id, t),
  },
  text: (c) => [c.title, c.handle],
};

/** Fetch-by-id fields: `order(id:)` etc. answer null for a well-formed id of a missing object. */
const byId =
  (type: string) =>
  ({ id }: IdArg, ctx: RequestContext) => {
    idOf(id, type); // rejects strings that are not global ids
    return findNode(id, ctx, type);
  };

/** The QueryRoot: only the fields listed here are modelled. */
export function queryRoot(): View {
  return {
    shop: (_args: unknown, ctx: RequestContext) => shopView(ctx.state.shop, ctx.now()),
    shopLocales: ({ published }: { published?: boolean }, ctx: RequestContext) =>
      ctx.state.shopLocales.filter((l) => !published || l.published).map(shopLocaleView),
    node: ({ id }: IdArg, ctx: RequestContext) => findNode(id, ctx),
    nodes: ({ ids }: { ids: string[] }, ctx: RequestContext) => {
      // Shopify caps `nodes(ids:)` at 250 ids per call.
      if (ids.length > 250)
        throw new GraphQLError("The maximum number of ids is 250", { extensions: { code: "BAD_REQUEST" } });
      return ids.map((id) => findNode(id, ctx));
    },

    order: byId("Order"),
    orders: (args: ConnectionArgs & OrderListArgs, ctx: RequestContext) =>
      connection(listOrders(ctx, ctx.state.orders, args, ["orders"], "PROCESSED_AT"), args, {
        key: (o) => o.id,
        view: orderView,
      }),
    ordersCount: (args: OrderListArgs & { limit?: number | null }, ctx: RequestContext) => {
      const n = listOrders(ctx, ctx.state.orders, { query: args.query }, ["ordersCount"], "ID").length;
      const limit = args.limit ?? 10_000;
      return { count: Math.min(n, limit), precision: n > limit ? "AT_LEAST" : "EXACT" };
    },
    fulfillment: byId("Fulfillment"),

    customer: byId("Customer"),
    customers: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }, ctx: RequestContext) =>
      connection(listCustomers(ctx, args), args, { key: (c) => c.id, view: customerView }),
    customersCount: (args: { query?: string | null }, ctx: RequestContext) => count(listCustomers(ctx, args).length),

    product: byId("Product"),
    products: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }, ctx: RequestContext) =>
      connection(sortProducts(searchProducts(ctx, args.query, ["products"]), args.sortKey), args, {
        key: (p) => p.id,
        view: productView,
      }),
    productsCount: (args: { query?: string | null }, ctx: RequestContext) =>
      count(searchProducts(ctx, args.query, ["productsCount"]).length),
    productVariant: byId("ProductVariant"),
    productVariants: (args: ConnectionArgs & { query?: string | null }, ctx: RequestContext) => {
      const variants = ctx.state.products.flatMap((product) =>
        product.variants.map((variant) => ({ product, variant })),
      );
      const filtered = search(
        variants,
        args.query,
        VARIANT_SEARCH,
        (w) => args.query && ctx.searchWarnings.push({ path: ["productVariants"], query: args.query, warnings: [w] }),
      );
      return connection(filtered, args, { key: (v) => v.variant.id, view: (v) => variantView(v.product, v.variant) });
    },
    collection: byId("Collection"),
    collections: (args: ConnectionArgs & { query?: string | null }, ctx: RequestContext) => {
      const collections = search(
        ctx.state.collections,
        args.query,
        COLLECTION_SEARCH,
        (w) => args.query && ctx.searchWarnings.push({ path: ["collections"], query: args.query, warnings: [w] }),
      );
      return connection(collections, args, { key: (c) => c.id, view: collectionView });
    },

    return: byId("Return"),
    returnReasonDefinitions,
    returnableFulfillment: byId("ReturnableFulfillment"),
    returnableFulfillments: (args: ConnectionArgs & { orderId: string }, ctx: RequestContext) => {
      const orderId = idOf(args.orderId, "Order");
      const order = orderId === null ? undefined : ctx.lookup.orders.get(orderId);
      // Shopify answers an unknown order with an error, not an empty list.
      if (!order) throw new GraphQLError("Order does not exist.", { extensions: { code: "NOT_FOUND" } });
      const entries = returnableFulfillments(
        order,
        ctx.state.returns.filter((r) => r.orderId === order.id),
      );
      return connection(entries, args, {
        key: (e) => e.fulfillment.id,
        view: (e) => returnableFulfillmentView(order, e.fulfillment),
      });
    },

    currentAppInstallation: (_args: unknown, ctx: RequestContext) => appInstallationView(ctx.state.app),
    appInstallation: ({ id }: { id?: string | null }, ctx: RequestContext) =>
      id ? findNode(id, ctx, "AppInstallation") : appInstallationView(ctx.state.app),
    app: ({ id }: { id?: string | null }, ctx: RequestContext) =>
      !id || (isGid(id) && idOf(id, "App") === ctx.state.app.id) ? appView(ctx.state.app) : null,

    themes: (args: ConnectionArgs & { roles?: string[] | null; names?: string[] | null }, ctx: RequestContext) => {
      const themes = ctx.state.themes.filter(
        (t) => (!args.roles || args.roles.includes(t.role)) && (!args.names || args.names.includes(t.name)),
      );
      return connection(themes, args, { key: (t) => t.id, view: themeView });
    },
    theme: byId("OnlineStoreTheme"),
  };
}
