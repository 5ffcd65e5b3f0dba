import { beforeEach, describe, expect, it } from "vitest";
import type { AdminApi } from "./index";
import { data, testApi, type Json } from "./testing";

const ORDER_BY_NAME = `query($q: String) { orders(first: 1, query: $q) { nodes { id name returnStatus returns(first: 5) { nodes { id name status } } } } }`;
const RETURNABLE = `query($orderId: ID!) { returnableFulfillments(orderId: $orderId, first: 10) { nodes { id
  returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id lineItem { sku quantity } } } } } } }`;
const REASONS = `{ returnReasonDefinitions(first: 10) { nodes { id handle } } }`;
const RETURN_REQUEST = `mutation Request($input: ReturnRequestInput!) { returnRequest(input: $input) {
  return { id name status totalQuantity order { name returnStatus }
    returnLineItems(first: 5) { nodes { ... on ReturnLineItem { quantity customerNote returnReasonDefinition { handle } fulfillmentLineItem { id } } } } }
  userErrors { field message code } } }`;

async function orderNamed(api: AdminApi, name: string): Promise<Json> {
  return (await data(api, ORDER_BY_NAME, { q: `name:${name}` })).orders.nodes[0];
}

async function returnable(api: AdminApi, orderId: string): Promise<{ id: string; quantity: number; sku: string }[]> {
  const result = await data(api, RETURNABLE, { orderId });
  return result.returnableFulfillments.nodes.flatMap((f: Json) =>
    f.returnableFulfillmentLineItems.nodes.map((l: Json) => ({
      id: l.fulfillmentLineItem.id,
      quantity: l.quantity,
      sku: l.fulfillmentLineItem.lineItem.sku,
    })),
  );
}

async function reasonId(api: AdminApi, handle: string): Promise<string> {
  return (await data(api, REASONS)).returnReasonDefinitions.nodes.find((r: Json) => r.handle === handle).id;
}

describe("returns", () => {
  let api: AdminApi;
  beforeEach(() => {
    api = testApi();
  });

  it("lists returnable quantities net of items already in a return", async () => {
    // #1037: 3 × TEE-XL delivered, 2 already in an open return.
    const order = await orderNamed(api, "#1037");
    expect(await returnable(api, order.id)).toEqual([{ id: expect.any(String), quantity: 1, sku: "TEE-XL" }]);
    // #1012 is unfulfilled: nothing to return yet.
    expect(await returnable(api, (await orderNamed(api, "#1012")).id)).toEqual([]);
  });

  it("files a return request that shows on the order and reduces what can be returned", async () => {
    const order = await orderNamed(api, "#1009");
    const before = await returnable(api, order.id);
    const tees = before.find((l) => l.sku === "TEE-L")!;
    expect(tees.quantity).toBe(3);

    const result = await data(api, RETURN_REQUEST, {
      input: {
        orderId: order.id,
        returnLineItems: [
          {
            fulfillmentLineItemId: tees.id,
            quantity: 2,
            returnReasonDefinitionId: await reasonId(api, "size-too-large"),
            customerNote: "Too roomy",
          },
        ],
      },
    });
    expect(result.returnRequest.userErrors).toEqual([]);
    expect(result.returnRequest.return).toMatchObject({
      name: "#1009-R1",
      status: "REQUESTED",
      totalQuantity: 2,
      order: { name: "#1009", returnStatus: "RETURN_REQUESTED" },
      returnLineItems: {
        nodes: [
          {
            quantity: 2,
            customerNote: "Too roomy",
            returnReasonDefinition: { handle: "size-too-large" },
            fulfillmentLineItem: { id: tees.id },
          },
        ],
      },
    });

    const after = await orderNamed(api, "#1009");
    expect(after.returns.nodes).toEqual([
      { id: result.returnRequest.return.id, name: "#1009-R1", status: "REQUESTED" },
    ]);
    expect((await returnable(api, order.id)).find((l) => l.sku === "TEE-L")!.quantity).toBe(1);
  });

  it("answers userErrors, and files nothing, when asking to return more than is returnable", async () => {
    const order = await orderNamed(api, "#1037");
    const [line] = await returnable(api, order.id);
    const result = await data(api, RETURN_REQUEST, {
      input: {
        orderId: order.id,
        returnLineItems: [
          { fulfillmentLineItemId: line!.id, quantity: 2, returnReasonDefinitionId: await reasonId(api, "other") },
        ],
      },
    });
    expect(result.returnRequest).toEqual({
      return: null,
      userErrors: [
        {
          field: ["input", "returnLineItems", "0", "quantity"],
          message: "Quantity must be less than or equal to the returnable quantity of 1.",
          code: "LESS_THAN_OR_EQUAL_TO",
        },
      ],
    });
    expect((await orderNamed(api, "#1037")).returns.nodes).toHaveLength(1);
  });

  it("answers userErrors for a missing reason, an unknown order and a line from another order", async () => {
    const order = await orderNamed(api, "#1009");
    const [line] = await returnable(api, order.id);
    const [otherLine] = await returnable(api, (await orderNamed(api, "#1001")).id);
    const noReason = await data(api, RETURN_REQUEST, {
      input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: line!.id, quantity: 1 }] },
    });
    expect(noReason.returnRequest.userErrors).toEqual([
      {
        field: ["input", "returnLineItems", "0", "returnReasonDefinitionId"],
        message: expect.any(String),
        code: "BLANK",
      },
    ]);
    const unknownOrder = await data(api, RETURN_REQUEST, {
      input: { orderId: "gid://shopify/Order/1", returnLineItems: [] },
    });
    expect(unknownOrder.returnRequest.userErrors[0]).toMatchObject({ field: ["input", "orderId"], code: "NOT_FOUND" });
    const foreign = await data(api, RETURN_REQUEST, {
      input: {
        orderId: order.id,
        returnLineItems: [
          { fulfillmentLineItemId: otherLine!.id, quantity: 1, returnReasonDefinitionId: await reasonId(api, "other") },
        ],
      },
    });
    expect(foreign.returnRequest.userErrors[0]).toMatchObject({
      field: ["input", "returnLineItems", "0", "fulfillmentLineItemId"],
      code: "NOT_FOUND",
    });
  });

  it("approves and declines requested returns, and refuses other transitions", async () => {
    const requested = (await orderNamed(api, "#1020")).returns.nodes[0];
    const approve = `mutation($id: ID!) { returnApproveRequest(input: { id: $id }) { return { status requestApprovedAt order { returnStatus } } userErrors { field message code } } }`;
    const approved = await data(api, approve, { id: requested.id });
    expect(approved.returnApproveRequest).toEqual({
      return: { status: "OPEN", requestApprovedAt: expect.any(String), order: { returnStatus: "IN_PROGRESS" } },
      userErrors: [],
    });
    const again = await data(api, approve, { id: requested.id });
    expect(again.returnApproveRequest).toEqual({
      return: null,
      userErrors: [
        {
          field: ["input", "id"],
          message: "Return cannot be approved because its status is OPEN.",
          code: "INVALID_STATE",
        },
      ],
    });

    api.reset();
    const decline = `mutation($id: ID!) { returnDeclineRequest(input: { id: $id, declineReason: RETURN_PERIOD_ENDED, declineNote: "Outside 30 days" }) { return { status decline { reason note } order { returnStatus } } userErrors { code } } }`;
    const declined = await data(api, decline, { id: requested.id });
    expect(declined.returnDeclineRequest).toEqual({
      return: {
        status: "DECLINED",
        decline: { reason: "RETURN_PERIOD_ENDED", note: "Outside 30 days" },
        order: { returnStatus: "NO_RETURN" },
      },
      userErrors: [],
    });
  });

  it("opens a return directly with returnCreate", async () => {
    const order = await orderNamed(api, "#1005");
    const [line] = await returnable(api, order.id);
    const result = await data(
      api,
      `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { name status } userErrors { field code } } }`,
      {
        input: {
          orderId: order.id,
          returnLineItems: [
            {
              fulfillmentLineItemId: line!.id,
              quantity: 1,
              returnReasonDefinitionId: await reasonId(api, "damaged-or-defective"),
              returnReasonNote: "Seam torn",
            },
          ],
        },
      },
    );
    expect(result.returnCreate).toEqual({ return: { name: "#1005-R1", status: "OPEN" }, userErrors: [] });
  });

  it("records the exchange lines of returnCreate and refuses an unknown variant", async () => {
    const order = await orderNamed(api, "#1005");
    const [line] = await returnable(api, order.id);
    const variant = api.state.products.find((p) => p.variants.length > 1)!.variants[1]!;
    const create = `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) {
      return { status exchangeLineItems(first: 5) { nodes { quantity variantId variantTitle } } }
      userErrors { field code } } }`;
    const reason = await reasonId(api, "damaged-or-defective");
    const input = (variantId: string) => ({
      orderId: order.id,
      returnLineItems: [{ fulfillmentLineItemId: line!.id, quantity: 1, returnReasonDefinitionId: reason }],
      exchangeLineItems: [{ variantId, quantity: 1 }],
    });

    const unknown = await data(api, create, { input: input("gid://shopify/ProductVariant/1") });
    expect(unknown.returnCreate).toEqual({
      return: null,
      userErrors: [{ field: ["returnInput", "exchangeLineItems", "0", "variantId"], code: "NOT_FOUND" }],
    });

    const created = await data(api, create, { input: input(`gid://shopify/ProductVariant/${variant.id}`) });
    expect(created.returnCreate).toEqual({
      return: {
        status: "OPEN",
        exchangeLineItems: {
          nodes: [
            { quantity: 1, variantId: `gid://shopify/ProductVariant/${variant.id}`, variantTitle: variant.title },
          ],
        },
      },
      userErrors: [],
    });
    expect(api.state.returns.at(-1)!.exchangeLineItems).toEqual([
      { id: expect.any(Number), variantId: variant.id, quantity: 1 },
    ]);
  });
});
