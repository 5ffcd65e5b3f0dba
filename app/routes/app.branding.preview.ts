import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { LOCALE_CODE } from "../features/branding/Branding.shared";
import { renderBrandingPreview } from "../features/branding/render-snapshot-preview.server";
import { authenticate } from "../shopify.server";
import { brandingFieldsSchema } from "./app.branding/branding-fields.server";

/**
 * The branding page's live preview: `GET /app/branding/preview?<unsaved form>&locale=fr&primaryLocale=en&…`
 * answers `{ html, fieldErrors, warnings }`. A GET through a fetcher, so no loader of the page reruns (and
 * no Shopify call is made) on each keystroke. Nothing is saved.
 */
const previewQuery = z.object({
  locale: z.string().regex(LOCALE_CODE),
  primaryLocale: z.string().regex(LOCALE_CODE),
  shopName: z.string().max(255).catch(""),
  shopEmail: z.string().max(320).catch(""),
  shopCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .catch("USD"),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const meta = previewQuery.safeParse(query);
  if (!meta.success) return { ok: false as const, error: "invalidPreview" };

  const preview = await renderBrandingPreview(session.shop, {
    form: brandingFieldsSchema.parse(query),
    locale: meta.data.locale,
    primaryLocale: meta.data.primaryLocale,
    shop: {
      name: meta.data.shopName,
      email: meta.data.shopEmail,
      domain: session.shop,
      currency: meta.data.shopCurrency,
    },
  });
  return { ok: true as const, ...preview };
};
