import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import type { Db } from "../../db-types.server";
import prisma from "../../db.server";
import { callShopify, callShopifyMutation, ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import { OrderReturnsForFiling } from "../../shopify/graphql/OrderReturnsForFiling";
import { ReturnCreateApproved } from "../../shopify/graphql/ReturnCreateApproved";
import { ReturnRequestCreate } from "../../shopify/graphql/ReturnRequestCreate";
import type { CurrencyCode } from "../../types/admin.types";
import type { FieldErrors, ReturnDecision, ReturnPlan } from "./decide-return";
import { recogniseOurReturn, type FilingAttempt, type ShopifyReturn } from "./recognise-our-return";
import {
  claimFiling,
  clearAttempt,
  filingTiming,
  findSubmission,
  recordAttempt,
  recordFailed,
  recordFiled,
  recordUnsettled,
  returnIdsOfOtherSubmissions,
  storeSubmission,
  submissionRequestSchema,
  waitWhileFiling,
  type ReturnSubmissionRecord,
  type SubmissionRequest,
} from "./ReturnSubmission.server";

export type FilingResult =
  | { kind: "invalid"; fields: FieldErrors }
  | { kind: "key_conflict" }
  | { kind: "shopify_unavailable"; submissionId: string }
  /** Another request is filing it, or Shopify may yet hold its return: the shopper tries again shortly. */
  | { kind: "still_working"; submissionId: string }
  | { kind: "rejected"; submissionId: string; error: string }
  | { kind: "filed"; submission: ReturnSubmissionRecord };

/**
 * Carries a decided return out, exactly once per submission key: the submission is stored before Shopify is
 * called (unique per shop and key), one caller at a time holds the filing lease, and a retry with the same key
 * answers with the stored outcome, or files a submission Shopify could not take. A submission already filed is
 * answered as it is, whatever the decision says now (its units count as returned since). When an earlier attempt
 * may have reached Shopify (no answer came, or its request died), the retry asks Shopify for the order's returns
 * first and takes ours as the outcome (ADR 0007); it files again only once Shopify holds none of ours and can no
 * longer carry that attempt out.
 *
 * `decision` must be the one made on `request`, which for a known key is the stored request: a retry cannot
 * change what the first submission asked for.
 */
export async function fileReturn(
  {
    admin,
    shop,
    customerId,
    submissionKey,
    request,
    decision,
    now = new Date(),
  }: {
    admin: AdminApiContext;
    shop: string;
    customerId: string;
    submissionKey: string;
    request: SubmissionRequest;
    decision: ReturnDecision;
    now?: Date;
  },
  db: Db = prisma,
): Promise<FilingResult> {
  const stored = await storeSubmission({ shop, idempotencyKey: submissionKey, customerId, request }, db);
  if (stored.outcome === "key_conflict") return { kind: "key_conflict" };
  let submission = stored.submission;
  if (submission.status === "filed") return { kind: "filed", submission };

  // A submission another request stored under this key a moment ago with a different body was not decided here:
  // the request that stored it files it, and this one answers with its outcome.
  const decidedHere = sameRequest(submission.request, request);
  if (!decidedHere || !(await claimFiling(shop, submission.id, now, db))) {
    const settled = await waitWhileFiling(shop, submissionKey, {}, db);
    if (settled?.status === "filed") return { kind: "filed", submission: settled };
    if (settled?.status === "failed" && settled.error && settled.error !== "shopify_unavailable") {
      return { kind: "rejected", submissionId: submission.id, error: settled.error };
    }
    // The first click's filing got no answer and may still land in Shopify: this one must not look like a failure.
    if (settled?.status === "filing" || settled?.filingAttempt) {
      return { kind: "still_working", submissionId: submission.id };
    }
    return { kind: "shopify_unavailable", submissionId: submission.id };
  }

  // Read again under the lease: the attempt of a request that held it before is what must be asked about.
  submission = (await findSubmission(shop, submissionKey, db)) ?? submission;
  if (submission.filingAttempt) {
    const earlier = await findEarlierAttempt(admin, submission, submission.filingAttempt, db);
    if (earlier.kind === "ours") {
      return { kind: "filed", submission: await recordFiled(shop, submission.id, earlier.shopifyReturn, db) };
    }
    const settleBy = new Date(submission.filingAttempt.sentAt).getTime() + filingTiming().settleMs;
    if (earlier.kind === "unknown" || now.getTime() < settleBy) {
      await recordUnsettled(shop, submission.id, db);
      return { kind: "still_working", submissionId: submission.id };
    }
    await clearAttempt(shop, submission.id, db);
  }

  if (!decision.ok) {
    await recordFailed(shop, submission.id, "invalid", db);
    return { kind: "invalid", fields: decision.fieldErrors };
  }
  const attempt: FilingAttempt = {
    mutation: decision.plan.mutation,
    lines: decision.plan.lines.map(({ fulfillmentLineItemId, quantity }) => ({ fulfillmentLineItemId, quantity })),
    note: decision.plan.merchantNote,
    // Not `now`: loading the order and asking Shopify about an earlier attempt may have taken a while, and Shopify
    // may carry this filing out until `settleMs` after it really left.
    sentAt: new Date().toISOString(),
  };
  // Lost only if this request outlived its lease before sending: the request holding it now files.
  if (!(await recordAttempt(shop, submission.id, attempt, db))) {
    return { kind: "still_working", submissionId: submission.id };
  }
  try {
    const filed = await fileInShopify(admin, decision.plan);
    if ("userErrors" in filed) {
      const error = userErrorKey(filed.userErrors);
      await recordFailed(shop, submission.id, error, db);
      return { kind: "rejected", submissionId: submission.id, error };
    }
    submission = await recordFiled(shop, submission.id, filed, db);
    return { kind: "filed", submission };
  } catch (thrown) {
    // Only a call Shopify refused unrun (throttled) certainly filed nothing; anything else may have landed.
    if (thrown instanceof ShopifyUnavailableError && !thrown.mayHaveLanded) {
      await recordFailed(shop, submission.id, "shopify_unavailable", db);
    } else {
      await recordUnsettled(shop, submission.id, db);
    }
    if (thrown instanceof ShopifyUnavailableError) return { kind: "shopify_unavailable", submissionId: submission.id };
    throw thrown;
  }
}

type EarlierAttempt =
  | { kind: "ours"; shopifyReturn: { id: string; status: string } }
  | { kind: "none" }
  /** Shopify could not be asked. */
  | { kind: "unknown" };

/** Whether Shopify holds the return an earlier attempt of this submission sent (ADR 0007). */
async function findEarlierAttempt(
  admin: AdminApiContext,
  submission: ReturnSubmissionRecord,
  attempt: FilingAttempt,
  db: Db,
): Promise<EarlierAttempt> {
  let returns: ShopifyReturn[];
  try {
    returns = await orderReturns(admin, submission.orderId);
  } catch (thrown) {
    if (thrown instanceof ShopifyUnavailableError) return { kind: "unknown" };
    throw thrown;
  }
  const claimedElsewhere = await returnIdsOfOtherSubmissions(submission.shop, submission.orderId, submission.id, db);
  const ours = recogniseOurReturn({ attempt, submittedAt: submission.createdAt, returns, claimedElsewhere });
  return ours ? { kind: "ours", shopifyReturn: { id: ours.id, status: ours.status } } : { kind: "none" };
}

async function orderReturns(admin: AdminApiContext, orderId: string): Promise<ShopifyReturn[]> {
  const response = await callShopify(() => admin.graphql(OrderReturnsForFiling, { variables: { id: orderId } }));
  const { data } = await response.json();
  return (data?.order?.returns.nodes ?? []).map((ret) => ({
    id: ret.id,
    status: ret.status,
    createdAt: String(ret.createdAt),
    lines: ret.returnLineItems.nodes.map((line) => ({
      fulfillmentLineItemId: "fulfillmentLineItem" in line ? line.fulfillmentLineItem.id : null,
      quantity: line.quantity,
      customerNote: line.customerNote ?? null,
      returnReasonNote: line.returnReasonNote,
    })),
  }));
}

function sameRequest(a: SubmissionRequest, b: SubmissionRequest): boolean {
  return JSON.stringify(submissionRequestSchema.parse(a)) === JSON.stringify(submissionRequestSchema.parse(b));
}

/** Shopify's userErrors, as one key the block can translate (never Shopify's English message). */
function userErrorKey(errors: { code?: string | null }[]): string {
  const code = errors.find((error) => error.code)?.code;
  return code ? `shopify_${code.toLowerCase()}` : "shopify_rejected";
}

type Filed = { id: string; status: string } | { userErrors: { code?: string | null }[] };

/** The plan, as the one Shopify mutation it names. */
async function fileInShopify(admin: AdminApiContext, plan: ReturnPlan): Promise<Filed> {
  const returnShippingFee = plan.returnShippingFee
    ? { amount: { ...plan.returnShippingFee, currencyCode: plan.returnShippingFee.currencyCode as CurrencyCode } }
    : undefined;
  const lines = plan.lines.map(({ restockingFeePercentage, ...line }) => ({
    ...line,
    restockingFee: restockingFeePercentage > 0 ? { percentage: restockingFeePercentage } : undefined,
  }));

  if (plan.mutation === "returnCreate") {
    const response = await callShopifyMutation(() =>
      admin.graphql(ReturnCreateApproved, {
        variables: {
          input: {
            orderId: plan.orderId,
            notifyCustomer: true,
            returnShippingFee,
            exchangeLineItems: plan.exchangeLines.length > 0 ? plan.exchangeLines : undefined,
            returnLineItems: lines.map((line) => ({ ...line, returnReasonNote: plan.merchantNote ?? "" })),
          },
        },
      }),
    );
    return filedOrErrors((await response.json()).data?.returnCreate);
  }

  const response = await callShopifyMutation(() =>
    admin.graphql(ReturnRequestCreate, {
      variables: {
        input: {
          orderId: plan.orderId,
          returnShippingFee,
          returnLineItems: lines.map((line) => ({ ...line, customerNote: plan.merchantNote })),
        },
      },
    }),
  );
  return filedOrErrors((await response.json()).data?.returnRequest);
}

/** Either mutation's payload: the return Shopify filed, or why it would not. */
function filedOrErrors(
  payload:
    { return?: { id: string; status: string } | null; userErrors?: { code?: string | null }[] } | null | undefined,
): Filed {
  if (payload?.return) return { id: payload.return.id, status: payload.return.status };
  return { userErrors: payload?.userErrors ?? [] };
}
