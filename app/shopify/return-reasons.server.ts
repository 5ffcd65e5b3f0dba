import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { ReturnReasonDefinitions } from "./graphql/ReturnReasonDefinitions";
import { callShopify } from "./call-shopify.server";

/** A reason of Shopify's return reason library (`ReturnReasonDefinition`) a return can name. */
export interface ReturnReason {
  id: string;
  handle: string;
  name: string;
}

const REASON_PAGE = 250;
/** Shopify's library holds well under this; a bound keeps a misbehaving cursor from looping. */
const REASON_PAGES_MAX = 8;

/** Shopify's return reasons a policy may offer now, in Shopify's order (deleted ones left out). */
export async function loadReturnReasons(admin: AdminApiContext): Promise<ReturnReason[]> {
  const reasons: ReturnReason[] = [];
  let after: string | null = null;
  for (let page = 0; page < REASON_PAGES_MAX; page++) {
    const response = await callShopify(() =>
      admin.graphql(ReturnReasonDefinitions, { variables: { first: REASON_PAGE, after } }),
    );
    const { data } = await response.json();
    const connection = data?.returnReasonDefinitions;
    for (const reason of connection?.nodes ?? []) {
      if (!reason.deleted) reasons.push({ id: reason.id, handle: reason.handle, name: reason.name });
    }
    if (!connection?.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return reasons;
}
