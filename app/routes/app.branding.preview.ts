import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { renderBrandingPreview } from "../features/branding/render-snapshot-preview.server";
import { authenticate } from "../shopify.server";

/**
 * The branding page's live preview: `GET /app/branding/preview?<unsaved form>&locale=fr&primaryLocale=en&…`
 * answers `{ html, fieldErrors, warnings }`. A GET through a fetcher, so no loader of the page reruns (and
 * no Shopify call is made) on each keystroke. Nothing is saved.
 */
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const META_KEYS = ["locale", "primaryLocale", "shopName", "shopEmail", "shopCurrency"] as const;

const previewQuery = z.object({
  locale: z.string().regex(LOCALE),
  primaryLocale: z.string().regex(LOCALE),
  shopName: z.string().max(255).catch(""),
  shopEmail: z.string().max(320).catch(""),
  shopCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .catch("USD"),
});

// Field names the branding form posts, each value bounded: the preview never parses anything bigger.
const formField = z.tuple([
  z
    .string()
    .regex(
      /^(?:accentColor|textOnAccentColor|radius|density|(?:modules|contact)\.\w+|texts\.[\w-]+\.(?:heading|intro))$/,
    ),
  z.string().max(2000),
]);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const meta = previewQuery.safeParse(Object.fromEntries(params));
  if (!meta.success) return { ok: false as const, error: "invalidPreview" };

  const form: Record<string, string> = {};
  for (const entry of params) {
    if ((META_KEYS as readonly string[]).includes(entry[0])) continue;
    const field = formField.safeParse(entry);
    if (field.success) form[field.data[0]] = field.data[1];
  }
  const preview = await renderBrandingPreview(session.shop, {
    form,
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
