import { describe, expect, it } from "vitest";
import { gql, testApi } from "./testing";
import { validateDocument } from "./index";

describe("validating operations against the Admin schema", () => {
  const api = testApi();

  it("rejects a misspelt field with Shopify's undefinedField error", async () => {
    const body = await gql(api, `query OrderStatus { order(id: "gid://shopify/Order/1") { id nmae } }`);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: "Field 'nmae' doesn't exist on type 'Order'",
        locations: [{ line: 1, column: 61 }],
        path: ["query OrderStatus", "order", "nmae"],
        extensions: { code: "undefinedField", typeName: "Order", fieldName: "nmae" },
      },
    ]);
    expect(body.extensions.cost.requestedQueryCost).toBe(0);
  });

  it("rejects a deprecated output field, quoting the deprecation reason", async () => {
    const body = await gql(api, `{ orders(first: 1) { nodes { totalPrice } } }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toBe("The field Order.totalPrice is deprecated. Use `totalPriceSet` instead.");
    expect(body.errors[0].extensions).toEqual({ code: "deprecatedField", typeName: "Order", fieldName: "totalPrice" });
  });

  it("rejects the deprecated ReturnRequestLineItemInput.returnReason input field", () => {
    const errors =
      validateDocument(`mutation { returnRequest(input: { orderId: "gid://shopify/Order/1", returnLineItems: [
      { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1, returnReason: SIZE_TOO_SMALL }
    ] }) { userErrors { field message } } }`);
    expect(errors.map((e) => e.message)).toEqual([
      "The input field ReturnRequestLineItemInput.returnReason is deprecated. Use `returnReasonDefinitionId` instead. This field will be removed in the future.",
    ]);
  });

  it("accepts a valid document and reports syntax errors", () => {
    expect(validateDocument(`query Shop { shop { name myshopifyDomain } }`)).toEqual([]);
    expect(validateDocument(`query { shop { name }`)[0]?.message).toMatch(/Syntax Error/);
  });

  it("names unknown arguments and missing required ones", async () => {
    const body = await gql(api, `{ orders(first: 1, status: "open") { nodes { id } } order { id } }`);
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      "argumentNotAccepted",
      "missingRequiredArguments",
    ]);
    expect(body.errors[0].message).toBe("Field 'orders' doesn't accept argument 'status'");
    expect(body.errors[1].message).toBe("Field 'order' is missing required arguments: id");
  });

  it("answers invalid variables with INVALID_VARIABLE and the problems found", async () => {
    const query = `query Order($id: ID!) { order(id: $id) { name } }`;
    const missing = await gql(api, query, {});
    expect(missing.errors[0]).toMatchObject({
      message: "Variable $id of type ID! was provided invalid value",
      extensions: {
        code: "INVALID_VARIABLE",
        value: null,
        problems: [{ path: [], explanation: "Expected value to not be null" }],
      },
    });
    const notGlobal = await gql(api, query, { id: "5800000001" });
    expect(notGlobal.errors[0].extensions.problems).toEqual([
      { path: [], explanation: "Invalid global id `5800000001`" },
    ]);
    const wrongShape = await gql(api, `query Q($n: Int!) { orders(first: $n) { nodes { id } } }`, { n: "ten" });
    expect(wrongShape.errors[0].extensions.problems[0].explanation).toBe('Could not coerce value "ten" to Int');
  });

  it("answers a request without a query with HTTP 400", async () => {
    expect((await api.handle({ variables: {} })).status).toBe(400);
    expect((await api.handle({ query: 42 })).body).toEqual({ errors: expect.any(String) });
  });

  it("reports a field the emulator does not model instead of answering null", async () => {
    const body = await gql(api, `{ shop { name alerts { description } } }`);
    expect(body.errors[0]).toMatchObject({
      message: "Emulator does not model Shop.alerts yet",
      path: ["shop", "alerts"],
      extensions: { code: "EMULATOR_NOT_MODELLED" },
    });
  });

  it("refuses a query whose cost exceeds Shopify's 1,000-point limit", async () => {
    const body = await gql(api, `{ orders(first: 100) { nodes { lineItems(first: 50) { nodes { title } } } } }`);
    expect(body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
    expect(body.data).toBeUndefined();
  });

  it("reports the query cost and throttle status on every response", async () => {
    const body = await gql(api, `{ orders(first: 5) { nodes { id name } } }`);
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 7,
      actualQueryCost: 7,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 },
    });
  });

  it("counts what a fragment on an interface's member selects", async () => {
    const product = api.state.products.find((p) => p.variants.length === 3)!;
    const body = await gql(
      api,
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { variants(first: 5) { nodes { id } } } } }`,
      { ids: [`gid://shopify/Product/${product.id}`] },
    );
    // The product (1) and its variants connection (2 + 1 per variant): 5 requested, 3 returned.
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 8, actualQueryCost: 6 });
  });
});
