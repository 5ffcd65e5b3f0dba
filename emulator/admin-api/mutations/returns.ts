import type { RequestContext } from "../context";
import { returnableFulfillments, returnsOf } from "../derived";
import { idOf } from "../ids";
import { ID_BASE } from "../seed/ids";
import { returnView } from "../resolvers/returns";
import { nextId, type ExchangeLineItemRecord, type OrderRecord, type ReturnRecord, type ReturnStatus } from "../state";
import { userError, type UserError } from "./user-errors";

// Limits stated in the Admin schema's input descriptions (ReturnRequestLineItemInput, ReturnLineItemInput).
const CUSTOMER_NOTE_MAX = 300;
const RETURN_REASON_NOTE_MAX = 255;

interface ReturnLineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId?: string | null;
  customerNote?: string | null;
  returnReasonNote?: string | null;
}

interface ExchangeLineInput {
  variantId?: string | null;
  quantity: number;
}

interface NewReturn {
  orderId: string;
  returnLineItems: ReturnLineInput[];
  /** `ReturnInput` only: `ReturnRequestInput` has no exchange field. */
  exchangeLineItems?: ExchangeLineInput[] | null;
}

type Payload = { return: unknown; userErrors: UserError[] };

/** `returnRequest`: a buyer's request the merchant must approve (status REQUESTED). */
export function returnRequest({ input }: { input: NewReturn }, ctx: RequestContext): Payload {
  return createReturn(input, "REQUESTED", "input", ctx);
}

/** `returnCreate`: a return the merchant opens directly (status OPEN). */
export function returnCreate({ returnInput }: { returnInput: NewReturn }, ctx: RequestContext): Payload {
  return createReturn(returnInput, "OPEN", "returnInput", ctx);
}

function createReturn(input: NewReturn, status: ReturnStatus, root: string, ctx: RequestContext): Payload {
  const orderId = idOf(input.orderId, "Order");
  const order = orderId === null ? undefined : ctx.lookup.orders.get(orderId);
  if (!order) return { return: null, userErrors: [userError([root, "orderId"], "Order does not exist.", "NOT_FOUND")] };
  const { errors, lines } = checkLines(order, input.returnLineItems, root, ctx);
  const exchange = checkExchangeLines(input.exchangeLineItems ?? [], root, ctx);
  errors.push(...exchange.errors);
  if (errors.length > 0) return { return: null, userErrors: errors };
  // States saved before exchanges were modelled have no sequence for them.
  ctx.state.nextIds.ExchangeLineItem ??= ID_BASE.ExchangeLineItem!;

  const now = ctx.now().toISOString();
  const ret: ReturnRecord = {
    id: nextId(ctx.state, "Return"),
    orderId: order.id,
    name: `${order.name}-R${returnsOf(ctx.state, order).length + 1}`,
    status,
    createdAt: now,
    requestApprovedAt: status === "OPEN" ? now : null,
    closedAt: null,
    decline: null,
    lineItems: lines.map((line) => ({ ...line, id: nextId(ctx.state, "ReturnLineItem") })),
    exchangeLineItems: exchange.lines.map((line) => ({ ...line, id: nextId(ctx.state, "ExchangeLineItem") })),
  };
  ctx.state.returns.push(ret);
  order.updatedAt = now;
  ctx.changed();
  return { return: returnView(ret), userErrors: [] };
}

function checkLines(order: OrderRecord, inputs: ReturnLineInput[], root: string, ctx: RequestContext) {
  const errors: UserError[] = [];
  const lines: Omit<ReturnRecord["lineItems"][number], "id">[] = [];
  if (inputs.length === 0)
    errors.push(userError([root, "returnLineItems"], "Return line items can't be blank.", "BLANK"));

  const returnable = new Map<number, number>();
  for (const { lines: entries } of returnableFulfillments(order, returnsOf(ctx.state, order))) {
    for (const entry of entries) returnable.set(entry.fulfillmentLineItem.id, entry.quantity);
  }
  const requested = new Map<number, number>();

  inputs.forEach((input, index) => {
    const at = (field: string) => [root, "returnLineItems", index, field];
    const fulfillmentLineItemId = idOf(input.fulfillmentLineItemId, "FulfillmentLineItem");
    const found =
      fulfillmentLineItemId === null ? undefined : ctx.lookup.fulfillmentLineItems.get(fulfillmentLineItemId);
    if (!found || found.order.id !== order.id || fulfillmentLineItemId === null) {
      errors.push(userError(at("fulfillmentLineItemId"), "Fulfillment line item does not exist.", "NOT_FOUND"));
      return;
    }
    if (input.quantity <= 0) {
      errors.push(userError(at("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const total = (requested.get(fulfillmentLineItemId) ?? 0) + input.quantity;
    requested.set(fulfillmentLineItemId, total);
    const available = returnable.get(fulfillmentLineItemId) ?? 0;
    if (total > available) {
      errors.push(
        userError(
          at("quantity"),
          `Quantity must be less than or equal to the returnable quantity of ${available}.`,
          "LESS_THAN_OR_EQUAL_TO",
        ),
      );
    }
    let reasonId: number | null = null;
    if (!input.returnReasonDefinitionId) {
      errors.push(userError(at("returnReasonDefinitionId"), "Return reason definition can't be blank.", "BLANK"));
    } else {
      reasonId = idOf(input.returnReasonDefinitionId, "ReturnReasonDefinition");
      const reason = reasonId === null ? undefined : ctx.lookup.returnReasons.get(reasonId);
      if (!reason || reason.deleted)
        errors.push(userError(at("returnReasonDefinitionId"), "Return reason definition does not exist.", "NOT_FOUND"));
    }
    if (input.customerNote && input.customerNote.length > CUSTOMER_NOTE_MAX) {
      errors.push(
        userError(
          at("customerNote"),
          `Customer note is too long (maximum is ${CUSTOMER_NOTE_MAX} characters).`,
          "TOO_LONG",
        ),
      );
    }
    if (input.returnReasonNote && input.returnReasonNote.length > RETURN_REASON_NOTE_MAX) {
      errors.push(
        userError(
          at("returnReasonNote"),
          `Return reason note is too long (maximum is ${RETURN_REASON_NOTE_MAX} characters).`,
          "TOO_LONG",
        ),
      );
    }
    lines.push({
      fulfillmentLineItemId,
      quantity: input.quantity,
      returnReasonDefinitionId: reasonId,
      customerNote: input.customerNote ?? null,
      returnReasonNote: input.returnReasonNote ?? "",
    });
  });
  return { errors, lines };
}

/** Exchange lines: an existing variant and a positive quantity (Shopify prices and reserves them later). */
function checkExchangeLines(inputs: ExchangeLineInput[], root: string, ctx: RequestContext) {
  const errors: UserError[] = [];
  const lines: Omit<ExchangeLineItemRecord, "id">[] = [];
  inputs.forEach((input, index) => {
    const at = (field: string) => [root, "exchangeLineItems", index, field];
    const variantId = input.variantId ? idOf(input.variantId, "ProductVariant") : null;
    if (variantId === null || !ctx.lookup.variants.get(variantId)) {
      errors.push(userError(at("variantId"), "Variant does not exist.", "NOT_FOUND"));
      return;
    }
    if (input.quantity <= 0) {
      errors.push(userError(at("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    lines.push({ variantId, quantity: input.quantity });
  });
  return { errors, lines };
}

/** Moves a return from one status to another; anything else is an INVALID_STATE user error. */
function transition(
  id: string,
  field: string[],
  from: ReturnStatus[],
  ctx: RequestContext,
  apply: (ret: ReturnRecord, now: string) => void,
  verb: string,
): Payload {
  const returnId = idOf(id, "Return");
  const ret = returnId === null ? undefined : ctx.lookup.returns.get(returnId);
  if (!ret) return { return: null, userErrors: [userError(field, "Return does not exist.", "NOT_FOUND")] };
  if (!from.includes(ret.status)) {
    return {
      return: null,
      userErrors: [userError(field, `Return cannot be ${verb} because its status is ${ret.status}.`, "INVALID_STATE")],
    };
  }
  apply(ret, ctx.now().toISOString());
  ctx.changed();
  return { return: returnView(ret), userErrors: [] };
}

export function returnApproveRequest({ input }: { input: { id: string } }, ctx: RequestContext): Payload {
  return transition(
    input.id,
    ["input", "id"],
    ["REQUESTED"],
    ctx,
    (ret, now) => {
      ret.status = "OPEN";
      ret.requestApprovedAt = now;
    },
    "approved",
  );
}

export function returnDeclineRequest(
  {
    input,
  }: {
    input: { id: string; declineReason: "FINAL_SALE" | "OTHER" | "RETURN_PERIOD_ENDED"; declineNote?: string | null };
  },
  ctx: RequestContext,
): Payload {
  return transition(
    input.id,
    ["input", "id"],
    ["REQUESTED"],
    ctx,
    (ret) => {
      ret.status = "DECLINED";
      ret.decline = { reason: input.declineReason, note: input.declineNote ?? null };
    },
    "declined",
  );
}

export function returnCancel({ id }: { id: string }, ctx: RequestContext): Payload {
  return transition(
    id,
    ["id"],
    ["REQUESTED", "OPEN"],
    ctx,
    (ret) => {
      ret.status = "CANCELED";
    },
    "canceled",
  );
}

export function returnClose({ id }: { id: string }, ctx: RequestContext): Payload {
  return transition(
    id,
    ["id"],
    ["OPEN"],
    ctx,
    (ret, now) => {
      ret.status = "CLOSED";
      ret.closedAt = now;
    },
    "closed",
  );
}

export function returnReopen({ id }: { id: string }, ctx: RequestContext): Payload {
  return transition(
    id,
    ["id"],
    ["CLOSED"],
    ctx,
    (ret) => {
      ret.status = "OPEN";
      ret.closedAt = null;
    },
    "reopened",
  );
}
