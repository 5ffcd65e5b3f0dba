import { readFileSync } from "node:fs";
import path from "node:path";
import type { Liquid } from "liquidjs";
import { ShopifyLiquidError } from "./shopify-liquid";

export interface SchemaSetting {
  type: string;
  id?: string;
  default?: unknown;
  label?: string;
}

/** The parts of an app block's `{% schema %}` the storefront needs. */
export interface AppBlockSchema {
  name: string;
  target: "section" | "body" | string;
  stylesheet?: string;
  javascript?: string;
  settings?: SchemaSetting[];
}

export interface AppBlockSource {
  /** File name without extension, e.g. "portal" for blocks/portal.liquid. */
  handle: string;
  source: string;
  schema: AppBlockSchema;
}

const SCHEMA_PATTERN = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/;

export function readAppBlock(extensionRoot: string, handle: string): AppBlockSource {
  const file = path.join(extensionRoot, "blocks", `${handle}.liquid`);
  const source = readFileSync(file, "utf8");
  const match = SCHEMA_PATTERN.exec(source);
  if (!match?.[1]) throw new ShopifyLiquidError(`${file} has no {% schema %}`);
  let schema: AppBlockSchema;
  try {
    schema = JSON.parse(match[1]) as AppBlockSchema;
  } catch (error) {
    throw new ShopifyLiquidError(`${file}: invalid JSON in {% schema %}: ${(error as Error).message}`);
  }
  return { handle, source, schema };
}

// Setting types that hold no value (editor-only content).
const SIDEBAR_SETTING_TYPES = new Set(["header", "paragraph"]);
const NUMERIC_SETTING_TYPES = new Set(["number", "range"]);

/**
 * `block.settings` as Shopify builds it: every setting's default (a checkbox without one is false,
 * anything else nil), overridden by the merchant's values from the theme editor.
 */
export function resolveBlockSettings(
  schema: AppBlockSchema,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const types = new Map<string, string>();
  for (const setting of schema.settings ?? []) {
    if (SIDEBAR_SETTING_TYPES.has(setting.type) || !setting.id) continue;
    types.set(setting.id, setting.type);
    settings[setting.id] = setting.default ?? (setting.type === "checkbox" ? false : null);
  }
  for (const [id, value] of Object.entries(overrides)) {
    const type = types.get(id);
    if (type === undefined) {
      throw new ShopifyLiquidError(`block setting "${id}" is not in the schema of "${schema.name}"`);
    }
    const expected = type === "checkbox" ? "boolean" : NUMERIC_SETTING_TYPES.has(type) ? "number" : "string";
    if (value !== null && typeof value !== expected) {
      throw new ShopifyLiquidError(`block setting "${id}" (${type}) must be a ${expected} or null`);
    }
    settings[id] = value;
  }
  return settings;
}

export interface RenderAppBlockInput {
  engine: Liquid;
  block: AppBlockSource;
  blockId: string;
  settings: Record<string, unknown>;
  /** Shopify's global objects (shop, request, app, …): visible in the block and in its snippets. */
  globals: Record<string, unknown>;
}

/** Renders an app block the way Shopify places it in a section, inside its wrapper element. */
export async function renderAppBlock({
  engine,
  block,
  blockId,
  settings,
  globals,
}: RenderAppBlockInput): Promise<string> {
  const templates = engine.parse(block.source, path.join("blocks", `${block.handle}.liquid`));
  const html = (await engine.render(
    templates,
    { block: { id: blockId, type: `shopify://apps/resolve/blocks/${block.handle}`, settings, shopify_attributes: "" } },
    { globals },
  )) as string;
  return `<div id="shopify-block-${blockId}" class="shopify-block shopify-app-block">${html}</div>`;
}
