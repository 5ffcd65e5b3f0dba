import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { z } from "zod";

import type { ReturnLine, ReturnOptions } from "../../contracts/storefront-api";
import type { Db } from "../../db-types.server";
import prisma from "../../db.server";
import { loadReturnReasons } from "../../shopify/return-reasons.server";
import type { OrderRef } from "../orders/storefront-orders.server";
import { getReturnPolicy, policyHtmlFor, type ReturnPolicy } from "../policy/ReturnPolicy.server";
import { checkReturnEligibility } from "./check-return-eligibility.server";
import { decideReturn, type LineExchange } from "./decide-return";
import { fileReturn, type FilingResult } from "./file-return.server";
import { findSubmission, RESOLUTION_PREFERENCES, type SubmissionRequest } from "./ReturnSubmission.server";
import { loadCustomerOrder, loadExchanges, toEligibilityOrder } from "./returnable-order.server";

/**
 * Returns filed by signed-in shoppers from the storefront block: what of an order they may return (GET), and
 * filing a return (POST) — decided once against the policy and the order as Shopify reports it now (the block's
 * view is never trusted), then filed once per idempotency key.
 */

/**
 * The return reasons a shopper may pick: the policy's, or — for a merchant who never saved the policy page, whose
 * default policy offers every reason — all of Shopify's current ones, none needing a note.
 */
async function offeredReasons(admin: AdminApiContext, policy: ReturnPolicy) {
  if (policy.reasons.length > 0) {
    return policy.reasons.map(({ id, handle, noteRequired }) => ({ id, handle, noteRequired }));
  }
  return (await loadReturnReasons(admin)).map(({ id, handle }) => ({ id, handle, noteRequired: false }));
}

// ---- GET: what may be returned ----

/** Who asks about which order: the signed-in shopper, verified by the caller, and the order they named. */
interface ShopperOrder {
  admin: AdminApiContext;
  shop: string;
  customerId: string;
  ref: OrderRef;
  now?: Date;
}

export async function getReturnOptions(
  { admin, shop, customerId, ref, locale, now = new Date() }: ShopperOrder & { locale: string },
  db: Db = prisma,
): Promise<ReturnOptions | null> {
  const data = await loadCustomerOrder(admin, customerId, ref);
  if (!data) return null;
  const { policy } = await getReturnPolicy(shop, db);
  const order = toEligibilityOrder(data);
  const eligibility = checkReturnEligibility(policy, order, now);
  const offersExchange = eligibility.resolutions.includes("exchange");
  const exchanges = offersExchange
    ? await loadExchanges(
        admin,
        data,
        eligibility.lines.filter((line) => line.eligible).map((line) => line.lineItemId),
      )
    : new Map<string, LineExchange>();
  return {
    order: { id: data.order.id, name: data.order.name },
    lines: eligibility.lines.map((line): ReturnLine => {
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
    reasons: await offeredReasons(admin, policy),
    // Sanitized HTML, as the snapshot's `policyHtml`: the shopper's language, else English, else the first written.
    policyHtml: policyHtmlFor(
      policy,
      locale,
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
          // A JSON number, or digits as a form sends them: never `true`, `"1e2"` or `[2]`, which coercion takes.
          quantity: z
            .union(
              [
                z.number(),
                z
                  .string()
                  .regex(/^\d{1,5}$/)
                  .transform(Number),
              ],
              { error: "invalid" },
            )
            .pipe(z.number().int({ error: "invalid" }).min(1, { error: "invalid" })),
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

export type SubmitReturnResult = { kind: "order_not_found" } | FilingResult;

/**
 * A shopper's return, decided and filed. A new submission that cannot be filed is refused before anything is
 * stored. A known key is decided on the request stored under it (a retry cannot change what the first submission
 * asked for) and never refused here: its return may already be filed, which makes its units "already returned".
 */
export async function submitReturn(
  { admin, shop, customerId, ref, body, now = new Date() }: ShopperOrder & { body: SubmitReturnBody },
  db: Db = prisma,
): Promise<SubmitReturnResult> {
  const data = await loadCustomerOrder(admin, customerId, ref);
  if (!data) return { kind: "order_not_found" };
  const known = await findSubmission(shop, body.idempotencyKey, db);
  const request: SubmissionRequest =
    known && known.customerId === customerId && known.orderId === data.order.id
      ? known.request
      : {
          orderId: data.order.id,
          lines: body.lines,
          reasonId: body.reasonId,
          note: body.note,
          resolution: body.resolution,
          exchangeVariantId: body.resolution === "exchange" ? body.exchangeVariantId : null,
        };

  const { policy } = await getReturnPolicy(shop, db);
  const exchanges =
    request.resolution === "exchange" && policy.resolutions.exchange.enabled
      ? await loadExchanges(
          admin,
          data,
          request.lines.map((line) => line.lineItemId),
        )
      : new Map<string, LineExchange>();
  const order = { ...toEligibilityOrder(data), id: data.order.id, exchanges };
  const decision = decideReturn({ policy, order, request, now });
  if (!known && !decision.ok) return { kind: "invalid", fields: decision.fieldErrors };
  return fileReturn({ admin, shop, customerId, submissionKey: body.idempotencyKey, request, decision, now }, db);
}
