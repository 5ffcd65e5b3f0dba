import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportFaqCsv } from "../features/faq/faq-csv.server";
import { loadFaqLocales } from "../features/faq/faq-locales.server";
import { authenticate } from "../shopify.server";

/** The FAQ as a CSV download (resource route): the format the import reads. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const { locales } = await loadFaqLocales(admin, session.shop);
  const csv = await exportFaqCsv(session.shop, locales);
  const date = new Date().toISOString().slice(0, 10);
  const store = session.shop.replace(/\.myshopify\.com$/, "").replace(/[^a-z0-9-]/gi, "");
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="faq-${store}-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
