import { existsSync } from "node:fs";
import path from "node:path";
import {
  Drop,
  Liquid,
  Tag,
  TypeGuards,
  filters as standardFilters,
  type Context,
  type Emitter,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from "liquidjs";
import { escapeHtml, localeFileFor, translate, type LocaleFiles } from "./translations";

/**
 * A liquidjs engine that behaves like Shopify's Liquid where a theme app extension depends on it.
 * What it does not reproduce is listed in emulator/storefront/README.md (the emulator renders with it too).
 */
export interface ShopifyLiquidOptions {
  /** Root of the theme app extension (holds blocks/, snippets/, assets/, locales/). */
  extensionRoot: string;
  /** The extension's storefront locale files. */
  translations: LocaleFiles;
  /** The request locale (`request.locale.iso_code`). */
  locale: string;
  /** Public URL prefix under which the extension's assets/ folder is served, ending in "/". */
  assetBaseUrl: string;
  /** ISO 4217 currency of the shop, for the money filters. */
  currency: string;
}

export class ShopifyLiquidError extends Error {
  override name = "ShopifyLiquidError";
}

/** A metafield as Liquid sees it: `.value` (parsed for json types), `.type`; prints its raw value. */
export class MetafieldDrop extends Drop {
  constructor(
    readonly type: string,
    private readonly raw: string,
    readonly value: unknown,
  ) {
    super();
  }
  override valueOf(): string {
    return this.raw;
  }
}

/** Metafield types whose value Liquid exposes parsed (json, and lists, which are JSON arrays). */
function isJsonMetafieldType(type: string): boolean {
  return type === "json" || type.startsWith("list.");
}

export function toMetafieldDrop(
  namespace: string,
  key: string,
  metafield: { type: string; value: string },
): MetafieldDrop {
  if (!isJsonMetafieldType(metafield.type)) {
    return new MetafieldDrop(metafield.type, metafield.value, metafield.value);
  }
  // Shopify never stores an empty json value; treat one as "nothing published" rather than fail.
  if (metafield.value.trim() === "") return new MetafieldDrop(metafield.type, metafield.value, null);
  try {
    return new MetafieldDrop(metafield.type, metafield.value, JSON.parse(metafield.value) as unknown);
  } catch (error) {
    // Shopify's API refuses to store invalid JSON in a json metafield, so this is a bug upstream.
    throw new ShopifyLiquidError(
      `app metafield ${namespace}.${key} (${metafield.type}) does not hold valid JSON: ${(error as Error).message}`,
    );
  }
}

/** Reads a raw block (`{% schema %}…{% endschema %}`) without rendering it. */
class RawBlockTag extends Tag {
  protected content = "";
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const endName = `end${token.name}`;
    const parts: string[] = [];
    while (remainTokens.length) {
      const next = remainTokens.shift()!;
      if (TypeGuards.isTagToken(next) && next.name === endName) {
        this.content = parts.join("");
        return;
      }
      parts.push(next.getText());
    }
    throw new ShopifyLiquidError(`tag {% ${token.name} %} not closed`);
  }
  render(): void {}
}

/** `{% schema %}`: must hold valid JSON; renders nothing. */
class SchemaTag extends RawBlockTag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    try {
      JSON.parse(this.content);
    } catch (error) {
      throw new ShopifyLiquidError(`invalid JSON in {% schema %}: ${(error as Error).message}`);
    }
  }
}

/** `{% style %}`: renders its (Liquid) content in a `<style data-shopify>` element. */
class StyleTag extends Tag {
  private readonly templates: Template[] = [];
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    while (remainTokens.length) {
      const next = remainTokens.shift()!;
      if (TypeGuards.isTagToken(next) && next.name === "endstyle") return;
      this.templates.push(parser.parseToken(next, remainTokens));
    }
    throw new ShopifyLiquidError("tag {% style %} not closed");
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const css = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    emitter.write(`<style data-shopify>${css}</style>`);
  }
}

/** Tags Shopify rejects in theme app extensions: fail at parse time, like an upload would. */
function forbiddenTag(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      throw new ShopifyLiquidError(`the {% ${name} %} tag is not allowed in theme app extensions`);
    }
    render(): void {}
  };
}
const FORBIDDEN_TAGS = ["javascript", "stylesheet", "include", "layout", "section", "sections"];

/** Liquid passes `key: value` filter arguments as [key, value] pairs. */
function namedArgs(args: unknown[]): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const arg of args) {
    if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === "string") named[arg[0]] = arg[1];
  }
  return named;
}

// Shopify's default money formats for common currencies; any other currency prints "amount CODE".
const MONEY_FORMATS: Record<string, string> = {
  USD: "${{amount}}",
  CAD: "${{amount}}",
  AUD: "${{amount}}",
  NZD: "${{amount}}",
  GBP: "£{{amount}}",
  EUR: "€{{amount_with_comma_separator}}",
  CHF: "CHF {{amount}}",
  JPY: "¥{{amount_no_decimals}}",
  SEK: "{{amount_with_comma_separator}} kr",
  DKK: "{{amount_with_comma_separator}} kr.",
  NOK: "kr {{amount_with_comma_separator}}",
};

function formatAmount(
  cents: number,
  { decimals, thousands, decimal }: { decimals: number; thousands: string; decimal: string },
): string {
  const fixed = (cents / 100).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
}

export function formatMoney(centsInput: unknown, currency: string, withCurrency: boolean): string {
  const cents = Number(centsInput);
  if (!Number.isFinite(cents)) throw new ShopifyLiquidError(`money filter expects cents, got ${String(centsInput)}`);
  const format = MONEY_FORMATS[currency] ?? `{{amount}} ${currency}`;
  const amounts: Record<string, string> = {
    amount: formatAmount(cents, { decimals: 2, thousands: ",", decimal: "." }),
    amount_no_decimals: formatAmount(cents, { decimals: 0, thousands: ",", decimal: "." }),
    amount_with_comma_separator: formatAmount(cents, { decimals: 2, thousands: ".", decimal: "," }),
    amount_no_decimals_with_comma_separator: formatAmount(cents, { decimals: 0, thousands: ".", decimal: "," }),
    amount_with_apostrophe_separator: formatAmount(cents, { decimals: 2, thousands: "'", decimal: "." }),
    amount_with_space_separator: formatAmount(cents, { decimals: 2, thousands: " ", decimal: "," }),
  };
  const text = format.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => amounts[name] ?? placeholder);
  return withCurrency && !text.endsWith(currency) ? `${text} ${currency}` : text;
}

// Named formats of Shopify's `date` filter (`| date: format: 'abbreviated_date'`).
const NAMED_DATE_FORMATS: Record<string, string> = {
  abbreviated_date: "%b %d, %Y",
  basic: "%m/%d/%Y",
  date: "%B %d, %Y",
  date_at_time: "%B %d, %Y at %-l:%M %P",
  default: "%a, %b %d, %Y, %-l:%M %P %z",
  on_date: "on %B %d, %Y",
};

export function handleize(input: unknown): string {
  return String(input ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['"’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

export function createShopifyLiquid(options: ShopifyLiquidOptions): Liquid {
  const { extensionRoot, translations, assetBaseUrl, currency } = options;
  const translationLocale = localeFileFor(translations, options.locale);
  const assetsDir = path.join(extensionRoot, "assets");

  const engine = new Liquid({
    root: [path.join(extensionRoot, "blocks")],
    partials: [path.join(extensionRoot, "snippets")],
    extname: ".liquid",
    relativeReference: false,
    // Shopify raises on unknown filters and renders nil for unknown variables.
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    jsTruthy: false,
    locale: options.locale,
    cache: false,
  });

  for (const name of FORBIDDEN_TAGS) engine.registerTag(name, forbiddenTag(name));
  engine.registerTag("schema", SchemaTag);
  engine.registerTag("doc", RawBlockTag);
  engine.registerTag("style", StyleTag);

  const t = (key: unknown, ...args: unknown[]) =>
    translate(translations, { locale: translationLocale, key: String(key), args: namedArgs(args) });
  engine.registerFilter("t", t);
  engine.registerFilter("translate", t);

  engine.registerFilter("asset_url", (fileName: unknown) => {
    const name = String(fileName);
    if (name.includes("/") || name.includes("\\") || !existsSync(path.join(assetsDir, name))) {
      throw new ShopifyLiquidError(`asset_url: assets/${name} does not exist in the extension`);
    }
    return `${assetBaseUrl}${encodeURIComponent(name)}`;
  });
  // Shopify turns `preload: true` into a Link preload header; the tag itself is the same.
  engine.registerFilter(
    "stylesheet_tag",
    (url: unknown) => `<link href="${escapeHtml(url)}" rel="stylesheet" type="text/css" media="all" />`,
  );
  engine.registerFilter(
    "script_tag",
    (url: unknown) => `<script src="${escapeHtml(url)}" type="text/javascript"></script>`,
  );

  // Same output as JSON.stringify, with <, > and & escaped so the result is safe inside <script>.
  engine.registerFilter("json", (value: unknown) =>
    (JSON.stringify(value === undefined ? null : value) ?? "null")
      .replace(/</g, "\\u003c")
      .replace(/>/g, "\\u003e")
      .replace(/&/g, "\\u0026"),
  );

  engine.registerFilter("money", (cents: unknown) => formatMoney(cents, currency, false));
  engine.registerFilter("money_with_currency", (cents: unknown) => formatMoney(cents, currency, true));
  engine.registerFilter("money_without_currency", (cents: unknown) =>
    formatAmount(Number(cents), { decimals: 2, thousands: ",", decimal: "." }),
  );

  engine.registerFilter("date", function (this: unknown, value: unknown, ...args: unknown[]) {
    const { format } = namedArgs(args);
    const positional = args.find((arg) => !Array.isArray(arg));
    let pattern = positional;
    if (typeof format === "string") {
      pattern = NAMED_DATE_FORMATS[format];
      if (pattern === undefined) throw new ShopifyLiquidError(`date: unknown named format "${format}"`);
    }
    return (standardFilters.date as (this: unknown, v: unknown, f?: unknown) => unknown).call(this, value, pattern);
  });

  engine.registerFilter("handleize", handleize);
  engine.registerFilter("handle", handleize);

  return engine;
}
