import { readFileSync } from "node:fs";
import path from "node:path";
import {
  createShopifyLiquid,
  escapeHtml,
  loadLocaleFiles,
  readAppBlock,
  renderAppBlock,
  resolveBlockSettings,
  ShopifyLiquidError,
  toMetafieldDrop,
  type MetafieldDrop,
} from "../../app/platform/shopify-liquid/index";
import { endonym, englishName, pageChromeStrings, textDirection } from "./page-chrome.js";

export interface StorefrontRenderInput {
  /** `email` is the shop's contact email (Liquid `shop.email`), shown by the portal's contact module. */
  shop: { name: string; domain: string; currency: string; email?: string };
  /** Request locale, e.g. "en", "fr", "pt-BR". Must be one of availableLocales. */
  locale: string;
  /** Published shop locales, for the locale switch and locale-prefixed routes. */
  availableLocales: string[];
  /** The shop's primary locale (served without a URL prefix). Defaults to availableLocales[0]. */
  primaryLocale?: string;
  /** The signed-in shopper, or null for a guest. */
  customer: { id: number; firstName: string; email: string } | null;
  /** Shoppers offered by the shopper switch. */
  customers: { id: number; name: string }[];
  /** App-data metafields: namespace -> key -> metafield. */
  appMetafields: Record<string, Record<string, { type: string; value: string }>>;
  /** Theme editor values overriding the block's schema defaults. */
  blockSettings?: Record<string, unknown>;
  /** Current page path, e.g. "/pages/help". */
  path: string;
  /** Render as inside the theme editor (`request.design_mode`). Defaults to false. */
  designMode?: boolean;
  /**
   * False renders the same page as a theme without the app block would: the title and the empty app section,
   * no block markup and no block assets (for comparisons such as `bench/storefront-lighthouse.ts`). Defaults to true.
   */
  appBlock?: boolean;
  /** Renders the app embed "Help launcher" (blocks/launcher.liquid) before </body>, as when a merchant turns it on. */
  helpLauncher?: boolean;
}

/** Root of the theme app extension the storefront renders. */
export const extensionRoot: string = path.resolve(import.meta.dirname, "../../extensions/self-service");
/** Absolute path of the extension's assets; the server serves it at EXTENSION_ASSETS_URL_PREFIX. */
export const extensionAssetsDir: string = path.join(extensionRoot, "assets");
export const EXTENSION_ASSETS_URL_PREFIX = "/extensions/self-service/assets/";

/** The one app block the help page shows. */
const PORTAL_BLOCK_HANDLE = "portal";
/** The app embed a merchant turns on in the theme editor's "App embeds". */
const LAUNCHER_EMBED_HANDLE = "launcher";
const LAUNCHER_EMBED_ID = "AUmVzb2x2ZUVtdWxhdG9y__resolve_launcher";
/** Shaped like Shopify's app block ids; stable so tests and screenshots can target it. */
const PORTAL_BLOCK_ID = "AUmVzb2x2ZUVtdWxhdG9y__resolve_portal";

const layoutFile = path.join(import.meta.dirname, "layout.liquid");

/**
 * Renders the storefront help page: a minimal theme-like document around the extension's real
 * portal block, rendered with liquidjs configured like Shopify's Liquid.
 */
export async function renderStorefrontPage(input: StorefrontRenderInput): Promise<string> {
  const { shop, locale, availableLocales } = input;
  if (!availableLocales.includes(locale)) {
    throw new ShopifyLiquidError(
      `locale "${locale}" is not one of the shop's locales (${availableLocales.join(", ")})`,
    );
  }
  const primaryLocale = input.primaryLocale ?? availableLocales[0] ?? locale;
  const rootUrl = locale === primaryLocale ? "/" : `/${locale}`;
  const routePrefix = rootUrl === "/" ? "" : rootUrl;

  const translations = loadLocaleFiles(path.join(extensionRoot, "locales"), "storefront");
  const engine = createShopifyLiquid({
    extensionRoot,
    translations,
    locale,
    assetBaseUrl: EXTENSION_ASSETS_URL_PREFIX,
    currency: shop.currency,
  });

  const shopLocale = (code: string) => ({
    iso_code: code,
    primary: code === primaryLocale,
    root_url: code === primaryLocale ? "/" : `/${code}`,
    name: englishName(code),
    endonym_name: endonym(code),
  });

  const globals = {
    shop: {
      name: shop.name,
      email: shop.email ?? "",
      domain: shop.domain,
      permanent_domain: shop.domain,
      url: `https://${shop.domain}`,
      secure_url: `https://${shop.domain}`,
      currency: shop.currency,
      locale: primaryLocale,
      customer_accounts_enabled: true,
    },
    request: {
      locale: shopLocale(locale),
      path: input.path,
      host: shop.domain,
      origin: `https://${shop.domain}`,
      page_type: "page",
      design_mode: input.designMode ?? false,
      visual_preview_mode: false,
    },
    localization: {
      language: shopLocale(locale),
      available_languages: availableLocales.map(shopLocale),
    },
    routes: {
      root_url: rootUrl,
      account_url: `${routePrefix}/account`,
      account_login_url: `${routePrefix}/account/login`,
      account_logout_url: `${routePrefix}/account/logout`,
      account_register_url: `${routePrefix}/account/register`,
      account_addresses_url: `${routePrefix}/account/addresses`,
      cart_url: `${routePrefix}/cart`,
      collections_url: `${routePrefix}/collections`,
      all_products_collection_url: `${routePrefix}/collections/all`,
      search_url: `${routePrefix}/search`,
      predictive_search_url: `${routePrefix}/search/suggest`,
    },
    customer: input.customer && {
      id: input.customer.id,
      first_name: input.customer.firstName,
      last_name: "",
      name: input.customer.firstName,
      email: input.customer.email,
      has_account: true,
    },
    app: { metafields: appMetafieldDrops(input.appMetafields) },
    page: { title: pageChromeStrings(locale).helpPageTitle, handle: "help" },
    template: { name: "page", suffix: "help" },
  };

  const block = readAppBlock(extensionRoot, PORTAL_BLOCK_HANDLE);
  if (block.schema.target !== "section") {
    throw new ShopifyLiquidError(`blocks/${PORTAL_BLOCK_HANDLE}.liquid must be an app block (target "section")`);
  }
  const withBlock = input.appBlock ?? true;
  const blockHtml = withBlock
    ? await renderAppBlock({
        engine,
        block,
        blockId: PORTAL_BLOCK_ID,
        settings: resolveBlockSettings(block.schema, input.blockSettings),
        globals,
      })
    : "";

  const launcher = input.helpLauncher ? readAppBlock(extensionRoot, LAUNCHER_EMBED_HANDLE) : null;
  if (launcher && launcher.schema.target !== "body") {
    throw new ShopifyLiquidError(`blocks/${LAUNCHER_EMBED_HANDLE}.liquid must be an app embed (target "body")`);
  }
  const embedsHtml = launcher
    ? await renderAppBlock({
        engine,
        block: launcher,
        blockId: LAUNCHER_EMBED_ID,
        settings: resolveBlockSettings(launcher.schema, {}),
        globals,
      })
    : "";

  // Shopify loads the assets the rendered blocks name in their schemas from content_for_header, each file once.
  const rendered = [withBlock ? block : null, launcher].filter((entry) => entry !== null);
  const headTags: string[] = [];
  for (const file of new Set(rendered.map((entry) => entry.schema.stylesheet).filter(Boolean) as string[])) {
    headTags.push(`<link rel="stylesheet" href="${escapeHtml(await assetHref(engine, file))}">`);
  }
  for (const file of new Set(rendered.map((entry) => entry.schema.javascript).filter(Boolean) as string[])) {
    headTags.push(`<script src="${escapeHtml(await assetHref(engine, file))}" defer></script>`);
  }

  // Read on every render, like the extension's files, so edits show up without restarting the demo.
  return (await engine.parseAndRender(
    readFileSync(layoutFile, "utf8"),
    {
      html_dir: textDirection(locale),
      chrome: pageChromeStrings(locale),
      shoppers: input.customers,
      content_for_header: headTags.join("\n    "),
      content_for_layout: blockHtml,
      app_embeds: embedsHtml,
    },
    { globals },
  )) as string;
}

function assetHref(engine: ReturnType<typeof createShopifyLiquid>, fileName: string): Promise<string> {
  return engine.parseAndRender("{{ file | asset_url }}", { file: fileName }) as Promise<string>;
}

function appMetafieldDrops(
  metafields: StorefrontRenderInput["appMetafields"],
): Record<string, Record<string, MetafieldDrop>> {
  const drops: Record<string, Record<string, MetafieldDrop>> = {};
  for (const [namespace, byKey] of Object.entries(metafields)) {
    const namespaceDrops: Record<string, MetafieldDrop> = {};
    for (const [key, metafield] of Object.entries(byKey)) {
      namespaceDrops[key] = toMetafieldDrop(namespace, key, metafield);
    }
    drops[namespace] = namespaceDrops;
  }
  return drops;
}
