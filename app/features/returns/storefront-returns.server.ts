import { z } from "zod";

import { ExchangeVariants } from "../../shopify/graphql/ExchangeVariants";
import { ReturnableOrder } from "../../shopify/graphql/ReturnableOrder";
import { ReturnCreateApproved } from "../../shopify/graphql/ReturnCreateApproved";
import { ReturnRequestCreate } from "../../shopify/graphql/ReturnRequestCreate";
import type { CurrencyCode } from "../../types/admin.types";
import { getReturnPolicy, policyHtmlFor, type ReturnPolicy } from "../policy/ReturnPolicy.server";
import { loadReturnReasons } from "../../shopify/return-reasons.server";
import {
  claimFiling,
  findSubmission,
  recordFailed,
  recordFiled,
  RESOLUTION_PREFERENCES,
  storeSubmission,
  waitWhileFiling,
  type ReturnSubmissionRecord,
  type SubmissionRequest,
} from "./ReturnSubmission.server";
import {
  allocateReturnUnits,
  checkReturnEligibility,
  quoteReturn,
  shouldAutoApprove,
  validateReturnRequest,
  type EligibilityOrder,
  type OrderEligibility,
  type ReturnRequest,
  type ReturnRequestProblem,
} from "./check-return-eligibility.server";
import { callShopify, ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import {
  customerGid,
  findCustomerOrder,
  type OrderRef,
  type StorefrontAdmin,
} from "../orders/storefront-orders.server";

/**
 * Returns filed by signed-in shoppers from the storefront block: what of an order they may return (GET), and
 * filing a return (POST) — stored first, filed in Shopify once per idempotency key, re-validated against the
 * policy and the order as Shopify reports it now (the block's view is never trusted).
 */

// ---- The order, from Shopify ----

type ReturnableOrderData = NonNullable<Awaited<ReturnType<typeof fetchReturnableOrder>>>;

async function fetchReturnableOrder(admin: StorefrontAdmin, orderId: string) {
  const response = await callShopify(() => admin.graphql(ReturnableOrder, { variables: { id: orderId } }));
  const { data } = await response.json();
  if (!data?.order) return null;
  return { timezone: data.shop.ianaTimezone, order: data.order };
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

/** One of the signed-in customer's orders with what deciding a return needs; null for anyone else's. */
async function loadCustomerOrder(admin: StorefrontAdmin, customerId: string, ref: OrderRef) {
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

// ---- Exchanges: the other variants of a line's product ----

/** Variants offered per line at most (the query reads 21 per product: the one bought is left out). */
export const MAX_EXCHANGE_OPTIONS = 20;

/** A variant a line can be exchanged for; a sold-out one is listed (the shopper sees it) but not available. */
export interface ExchangeOption {
  variantId: string;
  title: string;
  available: boolean;
}

export interface LineExchange {
  productTitle: string;
  options: ExchangeOption[];
}

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
async function loadExchanges(
  admin: StorefrontAdmin,
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

/** The exchange a request asks for: the variant, how the merchant sees it, and how many units it replaces. */
export interface ExchangeChoice {
  variantId: string;
  label: string;
  quantity: number;
}

/**
 * Checks the wanted variant against the exchange options of the requested lines: it must be another variant of
 * one of their products (`not_offered`) and for sale now (`unavailable`). Null when no exchange is asked for.
 */
export function chooseExchange(
  request: Pick<SubmissionRequest, "resolution" | "exchangeVariantId" | "lines">,
  exchanges: Map<string, LineExchange>,
): { choice: ExchangeChoice } | { problem: "not_offered" | "unavailable" } | null {
  if (request.resolution !== "exchange" || !request.exchangeVariantId) return null;
  let found: { option: ExchangeOption; productTitle: string } | undefined;
  let quantity = 0;
  for (const line of request.lines) {
    const exchange = exchanges.get(line.lineItemId);
    const option = exchange?.options.find((candidate) => candidate.variantId === request.exchangeVariantId);
    if (!exchange || !option) continue;
    found ??= { option, productTitle: exchange.productTitle };
    quantity += line.quantity;
  }
  if (!found) return { problem: "not_offered" };
  if (!found.option.available) return { problem: "unavailable" };
  return {
    choice: {
      variantId: found.option.variantId,
      label: `${found.productTitle} - ${found.option.title}`,
      quantity,
    },
  };
}

/** What Shopify has no field for, written where the merchant reads the shopper's note (English, like Shopify's). */
export function preferenceNote(resolution: SubmissionRequest["resolution"], exchange: ExchangeChoice | null) {
  if (resolution === "storeCredit") return "Preference: store credit";
  if (resolution === "exchange" && exchange) return `Preference: exchange for ${exchange.label}`;
  return null;
}

/** The preference, then the shopper's note, cut to the length Shopify takes. */
export function noteWithPreference(note: string | null, preference: string | null, max: number): string | null {
  const text = [preference, note].filter(Boolean).join("\n");
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The return reasons a shopper may pick: the policy's, or — for a merchant who never saved the policy page, whose
 * default policy offers every reason — all of Shopify's current ones, none needing a note.
 */
async function offeredReasons(admin: StorefrontAdmin, policy: ReturnPolicy) {
  if (policy.reasons.length > 0) {
    return policy.reasons.map(({ id, handle, noteRequired }) => ({ id, handle, noteRequired }));
  }
  return (await loadReturnReasons(admin)).map(({ id, handle }) => ({ id, handle, noteRequired: false }));
}

// ---- GET: what may be returned ----

export async function getReturnOptions(
  input: { admin: StorefrontAdmin; shop: string; customerId: string; ref: OrderRef; locale: string },
  now: Date = new Date(),
) {
  const data = await loadCustomerOrder(input.admin, input.customerId, input.ref);
  if (!data) return null;
  const { policy } = await getReturnPolicy(input.shop);
  const order = toEligibilityOrder(data);
  const eligibility = checkReturnEligibility(policy, order, now);
  const offersExchange = eligibility.resolutions.includes("exchange");
  const exchanges = offersExchange
    ? await loadExchanges(
        input.admin,
        data,
        eligibility.lines.filter((line) => line.eligible).map((line) => line.lineItemId),
      )
    : new Map<string, LineExchange>();
  return {
    order: { id: data.order.id, name: data.order.name },
    lines: eligibility.lines.map((line) => {
      const source = data.order.lineItems.nodes.find((candidate) => candidate.id === line.lineItemId);
      const base = {
        lineItemId: line.lineItemId,
        title: source?.title ?? "",
        variantTitle: source?.variantTitle ?? null,
        quantity: line.quantity,
        unavailable: line.unavailable,
      };
      return line.eligible
        ? {
            ...base,
            eligible: true,
            returnableQuantity: line.returnableQuantity,
            returnBy: line.returnBy,
            fees: line.fees,
            ...(offersExchange ? { exchangeOptions: exchanges.get(line.lineItemId)?.options ?? [] } : {}),
          }
        : { ...base, eligible: false, reason: line.reason };
    }),
    anyReturnable: eligibility.anyReturnable,
    currencyCode: eligibility.currencyCode,
    resolutions: eligibility.resolutions,
    returnShippingFees: eligibility.returnShippingFees,
    reasons: await offeredReasons(input.admin, policy),
    // Sanitized HTML, as the snapshot's `policyHtml`: the shopper's language, else English, else the first written.
    policyHtml: policyHtmlFor(
      policy,
      input.locale,
      "en" in policy.policyText ? "en" : (Object.keys(policy.policyText)[0] ?? "en"),
    ),
    returns: data.order.returns.nodes.map((ret) => ({ id: ret.id, name: ret.name, status: ret.status.toLowerCase() })),
  };
}

// ---- POST: filing a return ----

/** The block's body. Lines name the order's line items; the reason and note apply to every line. */
export const submitReturnSchema = z
  .object({
    idempotencyKey: z.uuid({ error: "invalid" }),
    lines: z
      .array(
        z.object({
          lineItemId: z.string().regex(/^gid:\/\/shopify\/LineItem\/\d{1,20}$/, { error: "invalid" }),
          quantity: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }),
        }),
        { error: "required" },
      )
      .min(1, { error: "required" })
      .max(100, { error: "invalid" }),
    reasonId: z.string({ error: "required" }).regex(/^gid:\/\/shopify\/ReturnReasonDefinition\/\d{1,20}$/, {
      error: "invalid",
    }),
    note: z
      .string()
      .trim()
      .max(300, { error: "too_long" })
      .optional()
      .transform((note) => note || null),
    resolution: z.enum(RESOLUTION_PREFERENCES, { error: "invalid" }),
    exchangeVariantId: z
      .string()
      .regex(/^gid:\/\/shopify\/ProductVariant\/\d{1,20}$/, { error: "invalid" })
      .optional()
      .transform((id) => id ?? null),
  })
  .superRefine((body, context) => {
    if (body.resolution === "exchange" && !body.exchangeVariantId) {
      context.addIssue({ code: "custom", path: ["exchangeVariantId"], message: "required" });
    }
  });

export type SubmitReturnBody = z.output<typeof submitReturnSchema>;

/** Field errors keyed by path (`lines.0.quantity`), values the block translates. */
export type FieldErrors = Record<string, string>;

export type SubmitReturnResult =
  | { kind: "order_not_found" }
  | { kind: "invalid"; fields: FieldErrors }
  | { kind: "key_conflict" }
  | { kind: "shopify_unavailable"; submissionId: string }
  | { kind: "rejected"; submissionId: string; error: string }
  | { kind: "filed"; submission: ReturnSubmissionRecord };

/** The request problems of the eligibility service, as field errors the block shows beside each field. */
export function problemsToFields(problems: ReturnRequestProblem[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const problem of problems) {
    switch (problem.problem) {
      case "no_lines":
        fields.lines = "required";
        break;
      case "resolution_not_offered":
        fields.resolution = "not_offered";
        break;
      case "line_not_returnable":
        fields[`lines.${problem.index}.lineItemId`] = problem.reason;
        break;
      case "quantity_over_returnable":
        fields[`lines.${problem.index}.quantity`] = "over_returnable";
        break;
      case "duplicate_line":
        fields[`lines.${problem.index}.lineItemId`] = "duplicate";
        break;
      case "reason_not_offered":
        fields.reasonId = "not_offered";
        break;
      case "note_required":
        fields.note = "required";
        break;
    }
  }
  return fields;
}

function toReturnRequest(body: SubmissionRequest): ReturnRequest {
  return {
    resolution: body.resolution,
    lines: body.lines.map((line) => ({ ...line, reasonId: body.reasonId, note: body.note })),
  };
}

/** Shopify's userErrors, as one key the block can translate (never Shopify's English message). */
function userErrorKey(errors: { code?: string | null }[]): string {
  const code = errors.find((error) => error.code)?.code;
  return code ? `shopify_${code.toLowerCase()}` : "shopify_rejected";
}

/**
 * Files a shopper's return exactly once per idempotency key. The submission is stored before Shopify is called;
 * a retry with the same key answers with the stored outcome, or files a submission Shopify could not take.
 */
export async function submitReturn(
  input: { admin: StorefrontAdmin; shop: string; customerId: string; ref: OrderRef; body: SubmitReturnBody },
  now: Date = new Date(),
): Promise<SubmitReturnResult> {
  const { admin, shop, customerId, body } = input;
  const data = await loadCustomerOrder(admin, customerId, input.ref);
  if (!data) return { kind: "order_not_found" };
  const request: SubmissionRequest = {
    orderId: data.order.id,
    lines: body.lines,
    reasonId: body.reasonId,
    note: body.note,
    resolution: body.resolution,
    exchangeVariantId: body.resolution === "exchange" ? body.exchangeVariantId : null,
  };

  const { policy } = await getReturnPolicy(shop);
  const order = toEligibilityOrder(data);
  const eligibility = checkReturnEligibility(policy, order, now);
  const exchanges =
    request.resolution === "exchange" && eligibility.resolutions.includes("exchange")
      ? await loadExchanges(
          admin,
          data,
          request.lines.map((line) => line.lineItemId),
        )
      : new Map<string, LineExchange>();
  /** Field errors of a request, the wanted variant's included; null when it can be filed. */
  const check = (checked: SubmissionRequest) => {
    const fields = problemsToFields(validateReturnRequest(policy, toReturnRequest(checked), eligibility));
    const exchange = eligibility.resolutions.includes(checked.resolution) ? chooseExchange(checked, exchanges) : null;
    if (exchange && "problem" in exchange) fields.exchangeVariantId = exchange.problem;
    if (Object.keys(fields).length > 0) return { ok: false as const, fields };
    return { ok: true as const, exchange: exchange && "choice" in exchange ? exchange.choice : null };
  };

  // A new submission that cannot be filed is refused before anything is stored. A known key skips this: its
  // return may already be filed, which makes its units "already returned" now.
  if (!(await findSubmission(shop, body.idempotencyKey))) {
    const checked = check(request);
    if (!checked.ok) return { kind: "invalid", fields: checked.fields };
  }

  const stored = await storeSubmission({ shop, idempotencyKey: body.idempotencyKey, customerId, request });
  if (stored.outcome === "key_conflict") return { kind: "key_conflict" };
  let submission = stored.submission;
  if (submission.status === "filed") return { kind: "filed", submission };

  if (!(await claimFiling(shop, submission.id, now))) {
    const settled = await waitWhileFiling(shop, body.idempotencyKey);
    if (settled?.status === "filed") return { kind: "filed", submission: settled };
    if (settled?.status === "failed" && settled.error && settled.error !== "shopify_unavailable") {
      return { kind: "rejected", submissionId: submission.id, error: settled.error };
    }
    return { kind: "shopify_unavailable", submissionId: submission.id };
  }

  // The stored request is the one filed (a retry cannot change what the first submission asked for), checked
  // again against the order as it is now.
  const returnRequest = toReturnRequest(submission.request);
  const checked = check(submission.request);
  if (!checked.ok) {
    await recordFailed(shop, submission.id, "invalid");
    return { kind: "invalid", fields: checked.fields };
  }

  try {
    const filed = await fileInShopify(admin, policy, order, eligibility, returnRequest, submission.request, now, {
      exchange: checked.exchange,
    });
    if ("userErrors" in filed) {
      const error = userErrorKey(filed.userErrors);
      await recordFailed(shop, submission.id, error);
      return { kind: "rejected", submissionId: submission.id, error };
    }
    submission = await recordFiled(shop, submission.id, filed);
    return { kind: "filed", submission };
  } catch (thrown) {
    await recordFailed(shop, submission.id, "shopify_unavailable");
    if (thrown instanceof ShopifyUnavailableError) return { kind: "shopify_unavailable", submissionId: submission.id };
    throw thrown;
  }
}

// The limits the Admin schema states for `ReturnLineItemInput.returnReasonNote` and
// `ReturnRequestLineItemInput.customerNote`.
const RETURN_REASON_NOTE_MAX = 255;
const CUSTOMER_NOTE_MAX = 300;

async function fileInShopify(
  admin: StorefrontAdmin,
  policy: ReturnPolicy,
  order: EligibilityOrder,
  eligibility: OrderEligibility,
  returnRequest: ReturnRequest,
  stored: SubmissionRequest,
  now: Date,
  { exchange }: { exchange: ExchangeChoice | null },
): Promise<{ id: string; status: string } | { userErrors: { code?: string | null }[] }> {
  const quote = quoteReturn(policy, order, eligibility, returnRequest);
  const returnLineItems = stored.lines.flatMap((requested) => {
    const line = eligibility.lines.find((candidate) => candidate.lineItemId === requested.lineItemId);
    if (!line?.eligible) return [];
    const restocking = quote.restockingFees.find((fee) => fee.lineItemId === line.lineItemId);
    return allocateReturnUnits(line, requested.quantity).map((units) => ({
      fulfillmentLineItemId: units.fulfillmentLineItemId,
      quantity: units.quantity,
      returnReasonDefinitionId: stored.reasonId,
      restocking: restocking?.percentage ?? 0,
    }));
  });
  const shippingFee =
    Number(quote.returnShippingFee.amount) > 0
      ? { amount: { amount: quote.returnShippingFee.amount, currencyCode: quote.currencyCode as CurrencyCode } }
      : undefined;
  const preference = preferenceNote(stored.resolution, exchange);

  // An approved return carries the exchange itself (`ReturnInput.exchangeLineItems`); Shopify has no field for
  // store credit on either mutation, nor for an exchange on a request, so those go in the note the merchant reads.
  if (shouldAutoApprove(policy, returnRequest, order, now).autoApprove) {
    const response = await callShopify(() =>
      admin.graphql(ReturnCreateApproved, {
        variables: {
          input: {
            orderId: stored.orderId,
            notifyCustomer: true,
            returnShippingFee: shippingFee,
            exchangeLineItems: exchange ? [{ variantId: exchange.variantId, quantity: exchange.quantity }] : undefined,
            returnLineItems: returnLineItems.map(({ restocking, ...line }) => ({
              ...line,
              returnReasonNote:
                noteWithPreference(stored.note, exchange ? null : preference, RETURN_REASON_NOTE_MAX) ?? "",
              restockingFee: restocking > 0 ? { percentage: restocking } : undefined,
            })),
          },
        },
      }),
    );
    const { data } = await response.json();
    const payload = data?.returnCreate;
    if (payload?.return) return { id: payload.return.id, status: payload.return.status };
    return { userErrors: payload?.userErrors ?? [] };
  }

  const response = await callShopify(() =>
    admin.graphql(ReturnRequestCreate, {
      variables: {
        input: {
          orderId: stored.orderId,
          returnShippingFee: shippingFee,
          returnLineItems: returnLineItems.map(({ restocking, ...line }) => ({
            ...line,
            customerNote: noteWithPreference(stored.note, preference, CUSTOMER_NOTE_MAX),
            restockingFee: restocking > 0 ? { percentage: restocking } : undefined,
          })),
        },
      },
    }),
  );
  const { data } = await response.json();
  const payload = data?.returnRequest;
  if (payload?.return) return { id: payload.return.id, status: payload.return.status };
  return { userErrors: payload?.userErrors ?? [] };
}
