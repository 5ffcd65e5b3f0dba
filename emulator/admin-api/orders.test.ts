import { describe, expect, it } from "vitest";
import { data, gql, testApi, type Json } from "./testing";

const ORDERS = `query Orders($first: Int, $last: Int, $after: String, $before: String, $query: String, $reverse: Boolean, $sortKey: OrderSortKeys) {
  orders(first: $first, last: $last, after: $after, before: $before, query: $query, reverse: $reverse, sortKey: $sortKey) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const names = (result: Json): string[] => result.orders.edges.map((e: Json) => e.node.name);

describe("orders", () => {
  const api = testApi();
  const list = (variables: Record<string, unknown>) => data(api, ORDERS, variables);

  it("pages forward and backward with cursors", async () => {
    const first = await list({ first: 10, sortKey: "ORDER_NUMBER" });
    expect(names(first)).toEqual([
      "#1001",
      "#1002",
      "#1003",
      "#1004",
      "#1005",
      "#1006",
      "#1007",
      "#1008",
      "#1009",
      "#1010",
    ]);
    expect(first.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await list({ first: 10, sortKey: "ORDER_NUMBER", after: first.orders.pageInfo.endCursor });
    expect(names(second)[0]).toBe("#1011");
    expect(second.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const back = await list({ last: 3, sortKey: "ORDER_NUMBER", before: second.orders.pageInfo.startCursor });
    expect(names(back)).toEqual(["#1008", "#1009", "#1010"]);

    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: Json = await list({ first: 20, after, sortKey: "ORDER_NUMBER" });
      all.push(...names(page));
      after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
    } while (after);
    expect(all).toHaveLength(45);
    expect(new Set(all).size).toBe(45);
  });

  it("sorts by processedAt by default, newest first with reverse", async () => {
    const newest = await list({ first: 1, reverse: true });
    expect(names(newest)).toEqual(["#1040"]);
  });

  it("requires first or last, like Shopify", async () => {
    const body = await gql(api, `{ orders { nodes { id } } }`);
    expect(body.errors[0].message).toBe("you must provide one of first or last");
  });

  it.each([
    ["name:#1018", ["#1018"]],
    ["name:1018", ["#1018"]],
    ["#1018", ["#1018"]],
    ["email:liam.smith@example.com", ["#1002", "#1015", "#1024", "#1039"]],
    ["email:sam.patel@example.com", ["#1032", "#1045"]],
    ["status:cancelled", ["#1026", "#1027"]],
    ["fulfillment_status:partial", ["#1015", "#1016"]],
    ["fulfillment_status:unshipped status:open", ["#1012", "#1013", "#1014", "#1034", "#1036", "#1040", "#1043"]],
    ["financial_status:refunded", ["#1019", "#1026", "#1039"]],
    ["return_status:return_requested", ["#1020"]],
    ["created_at:>2026-11-18T00:00:00Z", ["#1013", "#1014", "#1034", "#1040", "#1041", "#1043"]],
    ["created_at:<2026-06-01", ["#1033"]],
    ["name:#1001 OR name:#1002", ["#1001", "#1002"]],
    ["email:emma.johnson@example.com -fulfillment_status:shipped", ["#1026", "#1043"]],
  ])("filters with query %s", async (query, expected) => {
    const result = await list({ first: 50, query, sortKey: "ORDER_NUMBER" });
    expect(names(result)).toEqual(expected);
  });

  it("filters by customer_id with the numeric id", async () => {
    const { customers } = await data(
      api,
      `{ customers(first: 1, query: "email:emma.johnson@example.com") { nodes { id legacyResourceId } } }`,
    );
    const numericId = customers.nodes[0].legacyResourceId;
    const result = await list({ first: 50, query: `customer_id:${numericId}`, sortKey: "ORDER_NUMBER" });
    expect(names(result)).toEqual(["#1001", "#1004", "#1009", "#1018", "#1026", "#1035", "#1043"]);
  });

  it("ignores an unknown search field and warns in extensions.search", async () => {
    const body = await gql(api, ORDERS, { first: 2, query: "colour:red" });
    expect(body.data.orders.edges).toHaveLength(2);
    expect(body.extensions.search).toEqual([
      {
        path: ["orders"],
        query: "colour:red",
        warnings: [{ field: "colour", message: "Invalid search field for this query." }],
      },
    ]);
  });

  it("lists a customer's orders through Customer.orders", async () => {
    const { customers } = await data(
      api,
      `{ customers(first: 1, query: "email:camille.dubois@example.fr") { nodes { id locale numberOfOrders orders(first: 10) { nodes { name presentmentCurrencyCode customerLocale } } } } }`,
    );
    const camille = customers.nodes[0];
    expect(camille.locale).toBe("fr");
    expect(camille.numberOfOrders).toBe("3");
    expect(camille.orders.nodes).toEqual([
      { name: "#1006", presentmentCurrencyCode: "EUR", customerLocale: "fr" },
      { name: "#1019", presentmentCurrencyCode: "EUR", customerLocale: "fr" },
      { name: "#1036", presentmentCurrencyCode: "EUR", customerLocale: "fr" },
    ]);
  });

  it("fetches objects by global id with node, nodes and order", async () => {
    const { orders } = await list({ first: 2, sortKey: "ORDER_NUMBER" });
    const [a, b] = orders.edges.map((e: Json) => e.node.id);
    const result = await data(
      api,
      `query($a: ID!, $ids: [ID!]!) {
      order(id: $a) { name }
      node(id: $a) { __typename ... on Order { name } }
      nodes(ids: $ids) { ... on Order { name } }
      missing: order(id: "gid://shopify/Order/1") { name }
    }`,
      { a, ids: [a, b, "gid://shopify/Customer/1"] },
    );
    expect(result).toEqual({
      order: { name: "#1001" },
      node: { __typename: "Order", name: "#1001" },
      nodes: [{ name: "#1001" }, { name: "#1002" }, null],
      missing: null,
    });
  });

  it("shows money in shop and presentment currencies", async () => {
    const { orders } = await data(
      api,
      `{ orders(first: 1, query: "name:#1006") { nodes {
      currencyCode presentmentCurrencyCode
      subtotalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
      totalPriceSet { shopMoney { amount } presentmentMoney { amount } }
      lineItems(first: 5) { nodes { sku quantity originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount currencyCode } } } }
    } } }`,
    );
    const order = orders.nodes[0];
    // 58 + 2 × 25 + 32 = 140 USD, free shipping from 100 USD; EUR at 0.92 per unit.
    expect(order.subtotalPriceSet).toEqual({
      shopMoney: { amount: "140.0", currencyCode: "USD" },
      presentmentMoney: { amount: "128.8", currencyCode: "EUR" },
    });
    expect(order.totalPriceSet.shopMoney.amount).toBe("140.0");
    expect(order.lineItems.nodes[1]).toEqual({
      sku: "TEE-S",
      quantity: 2,
      originalUnitPriceSet: {
        shopMoney: { amount: "25.0" },
        presentmentMoney: { amount: "23.0", currencyCode: "EUR" },
      },
    });
  });
});
