import type { LoaderFunctionArgs } from "@remix-run/node";

import { authenticate } from "../shopify.server";

// The library answers its own auth paths here (e.g. the session-token bounce page).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};
