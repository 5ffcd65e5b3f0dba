import { readFileSync } from "node:fs";
import path from "node:path";

import {
  createShopifyLiquid,
  escapeHtml,
  loadLocaleFiles,
  localeFileFor,
  readAppBlock,
  renderAppBlock,
  resolveBlockSettings,
  selfServiceExtensionRoot,
  toMetafieldDrop,
  translate,
} from "../../platform/shopify-liquid/index";
import {
  brandingToForm,
  contrastWarnings,
  getBranding,
  parseBrandingForm,
  type ContrastWarning,
  type FieldErrors,
} from "./Branding.server";
import {
  buildStorefrontSnapshot,
  SNAPSHOT_NAMESPACE,
  type SnapshotLocale,
  type StorefrontSnapshot,
} from "../publishing/build-storefront-snapshot.server";

/**
 * The admin's live preview: the extension's real `blocks/portal.liquid` (with its snippets, locale files and
 * `assets/portal.css`) rendered with the same Shopify-Liquid engine the storefront emulator uses, from a
 * snapshot built exactly as the publisher builds it. One source of markup and CSS, not a look-alike.
 *
 * The result is a whole document for a sandboxed iframe (`srcdoc`, no scripts): the CSS is inlined, as the
 * frame has no origin to fetch assets from.
 */

export interface PreviewShop {
  name: string;
  domain: string;
  /** The shop's contact email (Liquid `shop.email`), used by the contact module. */
  email: string;
  currency: string;
}

export interface PreviewInput {
  snapshot: StorefrontSnapshot;
  /** The shopper's language to preview, one of the snapshot's locales. */
  locale: string;
  shop: PreviewShop;
  /** Preview as a signed-in shopper (greeting, tracking link) or as a guest (sign-in links). */
  signedIn?: boolean;
  extensionRoot?: string;
}

const PREVIEW_BLOCK_ID = "resolve-preview";
// Scripts written right to left; the portal's CSS uses logical properties and follows `dir`.
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ku"]);

/** A neutral theme around the block: system fonts, the width of a theme's page column, nothing else. */
const PAGE_CSS = `
  *, *::before, *::after { box-sizing: border-box; }
  html { color-scheme: light; }
  body { margin: 0; padding: 24px 16px; background: #ffffff; color: #1c1d1f;
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    font-size: 16px; line-height: 1.5; }
  main { max-inline-size: 50rem; margin-inline: auto; }
`;

export async function renderSnapshotPreview(input: PreviewInput): Promise<string> {
  const extensionRoot = input.extensionRoot ?? selfServiceExtensionRoot();
  const { snapshot, locale, shop } = input;
  const primary = snapshot.portal.defaultLocale;
  const routePrefix = locale === primary ? "" : `/${locale}`;

  const engine = createShopifyLiquid({
    extensionRoot,
    translations: loadLocaleFiles(path.join(extensionRoot, "locales"), "storefront"),
    locale,
    assetBaseUrl: "/",
    currency: shop.currency,
  });

  const metafields = Object.fromEntries(
    snapshot.values.map((value) => [
      value.key,
      toMetafieldDrop(SNAPSHOT_NAMESPACE, value.key, { type: "json", value: value.value }),
    ]),
  );
  const globals = {
    shop: {
      name: shop.name,
      email: shop.email,
      domain: shop.domain,
      permanent_domain: shop.domain,
      url: `https://${shop.domain}`,
      currency: shop.currency,
      locale: primary,
    },
    request: {
      locale: { iso_code: locale, primary: locale === primary, root_url: routePrefix || "/" },
      path: `${routePrefix}/pages/help`,
      host: shop.domain,
      page_type: "page",
      design_mode: false,
      visual_preview_mode: false,
    },
    routes: {
      root_url: routePrefix || "/",
      account_url: `${routePrefix}/account`,
      account_login_url: `${routePrefix}/account/login`,
    },
    customer: input.signedIn ? { id: 1, first_name: "Alex", name: "Alex", has_account: true } : null,
    app: { metafields: { [SNAPSHOT_NAMESPACE]: metafields } },
  };

  const block = readAppBlock(extensionRoot, "portal");
  const blockHtml = await renderAppBlock({
    engine,
    block,
    blockId: PREVIEW_BLOCK_ID,
    settings: resolveBlockSettings(block.schema),
    globals,
  });
  const css = block.schema.stylesheet
    ? readFileSync(path.join(extensionRoot, "assets", path.basename(block.schema.stylesheet)), "utf8")
    : "";
  const dir = RTL_LANGUAGES.has(locale.split("-")[0] ?? locale) ? "rtl" : "ltr";

  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(shop.name)}</title>
<style>${PAGE_CSS}</style>
<style>${css.replace(/<\/style/gi, "<\\/style")}</style>
</head>
<body>
<main>${blockHtml}</main>
</body>
</html>`;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * The heading and intro the block shows in each language when the merchant leaves theirs blank, from the
 * extension's locale files (the admin shows them as placeholders).
 */
export function portalDefaultTexts(
  locales: string[],
  extensionRoot: string = selfServiceExtensionRoot(),
): Record<string, { heading: string; intro: string }> {
  const files = loadLocaleFiles(path.join(extensionRoot, "locales"), "storefront");
  const text = (locale: string, key: string) =>
    translate(files, { locale: localeFileFor(files, locale), key }).replace(
      /&(?:amp|lt|gt|quot|#39);/g,
      (e) => ENTITIES[e]!,
    );
  return Object.fromEntries(
    locales.map((locale) => [locale, { heading: text(locale, "portal.heading"), intro: text(locale, "portal.intro") }]),
  );
}

export interface BrandingPreviewRequest {
  /** The unsaved form, as the branding page would post it. */
  form: Record<string, string>;
  /** The language to preview and the shop's default language. */
  locale: string;
  primaryLocale: string;
  shop: PreviewShop;
}

export interface BrandingPreview {
  html: string;
  /** Problems the merchant must fix before saving; the preview shows the saved value for those fields. */
  fieldErrors: FieldErrors;
  warnings: ContrastWarning[];
}

/**
 * The live preview of unsaved branding: the draft validated as a save would validate it, each invalid field
 * replaced by its saved value so the preview keeps following the valid ones, then rendered with the shop's
 * published FAQ and policy.
 */
export async function renderBrandingPreview(shop: string, request: BrandingPreviewRequest): Promise<BrandingPreview> {
  const locales: SnapshotLocale[] = [
    { locale: request.primaryLocale, name: request.primaryLocale, primary: true },
    ...(request.locale === request.primaryLocale
      ? []
      : [{ locale: request.locale, name: request.locale, primary: false }]),
  ];
  const saved = (await getBranding(shop)).document;
  const parsed = parseBrandingForm(request.form, locales, saved);
  let branding = saved;
  let fieldErrors: FieldErrors = {};
  if (parsed.ok) {
    branding = parsed.value;
  } else {
    fieldErrors = parsed.fieldErrors;
    const savedForm = brandingToForm(saved, locales);
    const repaired = { ...request.form };
    for (const field of Object.keys(fieldErrors)) {
      const group = field === "modules" || field === "contact" ? `${field}.` : null;
      for (const key of new Set([...Object.keys(savedForm), ...Object.keys(repaired)])) {
        if (group ? !key.startsWith(group) : key !== field) continue;
        if (savedForm[key] === undefined) delete repaired[key];
        else repaired[key] = savedForm[key];
      }
    }
    const reparsed = parseBrandingForm(repaired, locales, saved);
    if (reparsed.ok) branding = reparsed.value;
  }
  const snapshot = await buildStorefrontSnapshot(shop, locales, { branding });
  const html = await renderSnapshotPreview({ snapshot, locale: request.locale, shop: request.shop });
  const warnings = contrastWarnings({
    accentColor: request.form.accentColor ?? "",
    textOnAccentColor: request.form.textOnAccentColor ?? "",
  });
  return { html, fieldErrors, warnings };
}
