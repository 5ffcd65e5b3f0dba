import { z } from "zod";

/**
 * What Resolve sent Shopify for one submission (`ReturnSubmission.filingAttempt`), kept until Shopify is known to
 * hold the return or not: a retry recognises the return by it if the first attempt landed (ADR 0007).
 */
export const filingAttemptSchema = z.object({
  mutation: z.enum(["returnCreate", "returnRequest"]),
  lines: z.array(z.object({ fulfillmentLineItemId: z.string(), quantity: z.number().int() })).min(1),
  /** The note on every line: `returnReasonNote` of an approved return, `customerNote` of a request. */
  note: z.string().nullable(),
  sentAt: z.string().datetime(),
});

export type FilingAttempt = z.infer<typeof filingAttemptSchema>;

/** One of the order's returns, as `OrderReturnsForFiling` reads it. */
export interface ShopifyReturn {
  id: string;
  status: string;
  createdAt: string;
  lines: {
    fulfillmentLineItemId: string | null;
    quantity: number;
    customerNote: string | null;
    returnReasonNote: string;
  }[];
}

/**
 * Shopify's clock and the database's may differ: a return Shopify stamped this much before the submission was
 * stored can still be ours. Small beside the time between two submissions of the same lines by one shopper.
 */
export const CLOCK_ALLOWANCE_MS = 2 * 60_000;

/**
 * The return Shopify filed for `attempt`, if it holds one: created after the submission was stored (less the
 * clock allowance), with exactly the attempt's fulfillment line items and quantities and its note on every line,
 * and not already the return of another of the shop's submissions. The oldest such return when several match. A
 * return the merchant has declined or cancelled since is still ours: filing another would be a second one.
 */
export function recogniseOurReturn({
  attempt,
  submittedAt,
  returns,
  claimedElsewhere,
}: {
  attempt: FilingAttempt;
  submittedAt: Date;
  returns: ShopifyReturn[];
  claimedElsewhere: ReadonlySet<string>;
}): ShopifyReturn | null {
  const earliest = submittedAt.getTime() - CLOCK_ALLOWANCE_MS;
  const wanted = lineKey(attempt.lines);
  const candidates = returns
    .filter((ret) => !claimedElsewhere.has(ret.id))
    .filter((ret) => new Date(ret.createdAt).getTime() >= earliest)
    .filter((ret) => ret.lines.every((line) => line.fulfillmentLineItemId !== null))
    .filter((ret) => lineKey(ret.lines as { fulfillmentLineItemId: string; quantity: number }[]) === wanted)
    .filter((ret) => ret.lines.every((line) => noteOf(attempt.mutation, line) === (attempt.note ?? "")))
    .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  return candidates[0] ?? null;
}

function lineKey(lines: { fulfillmentLineItemId: string; quantity: number }[]): string {
  return lines
    .map((line) => `${line.fulfillmentLineItemId}×${line.quantity}`)
    .sort()
    .join(",");
}

// Shopify answers a note nobody wrote as null or "" depending on the field: both mean none.
function noteOf(mutation: FilingAttempt["mutation"], line: ShopifyReturn["lines"][number]): string {
  return (mutation === "returnCreate" ? line.returnReasonNote : line.customerNote) ?? "";
}
