import type { LoaderFunctionArgs } from "@remix-run/node";

import type { SessionAnswer } from "../contracts/storefront-api";
import { authenticateStorefront } from "../platform/storefront/authenticate-storefront.server";

/** GET /apps/resolve/session: whether the shopper is signed in, for the storefront block. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { customerId } = await authenticateStorefront(request);
  return Response.json({ signedIn: customerId !== null } satisfies SessionAnswer, {
    headers: { "Cache-Control": "no-store" },
  });
};
