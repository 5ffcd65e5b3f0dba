import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { MainThemeFiles } from "../../shopify/graphql/MainThemeFiles";
import { callShopify, ShopifyUnavailableError } from "../../shopify/call-shopify.server";

/**
 * Whether shoppers can reach the portal: the live (MAIN) theme has Resolve's portal app block on a template or
 * in a section group, and the merchant has not disabled it. Read from the theme's JSON files through the Admin
 * API (`read_themes`), the only place Shopify records where app blocks sit.
 */

export const PORTAL_BLOCK_HANDLE = "portal";
// A theme may have hundreds of templates; this bounds the pages read on one home page visit.
const MAX_PAGES = 10;

export type ThemeBlockState = "active" | "disabled" | "missing" | "unknown";

export interface ThemeBlockStatus {
  state: ThemeBlockState;
  /** The live theme's name, when Shopify told us. */
  themeName: string | null;
  /** The file holding the block, e.g. `templates/page.help.json`. */
  filename: string | null;
}

export interface ThemeFile {
  filename: string;
  content: string;
}

/**
 * JSON as themes store it: Shopify writes a `/* … *\/` header into generated files, so comments are removed
 * (outside strings) before parsing. Returns undefined for a file that is not JSON even then.
 */
export function parseThemeJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    // Fall through to the comment-aware parse.
  }
  let output = "";
  let inString = false;
  for (let index = 0; index < content.length; index++) {
    const char = content[index]!;
    const next = content[index + 1];
    if (inString) {
      output += char;
      if (char === "\\") output += content[++index] ?? "";
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      output += char;
    } else if (char === "/" && next === "*") {
      const end = content.indexOf("*/", index + 2);
      index = end === -1 ? content.length : end + 1;
    } else if (char === "/" && next === "/") {
      const end = content.indexOf("\n", index + 2);
      index = end === -1 ? content.length : end - 1;
    } else {
      output += char;
    }
  }
  try {
    return JSON.parse(output);
  } catch {
    return undefined;
  }
}

/** App block and app embed types look like `shopify://apps/<app handle>/blocks/<block handle>/<extension uuid>`. */
function isOurPortalBlock(type: string, appHandle: string): boolean {
  return type.startsWith(`shopify://apps/${appHandle}/blocks/${PORTAL_BLOCK_HANDLE}/`);
}

/** Every `{ type, disabled }` object in a template, section group or settings_data.json, at any depth. */
function* blocksIn(node: unknown): Generator<{ type: string; disabled: boolean }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* blocksIn(item);
  } else if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record.type === "string") yield { type: record.type, disabled: record.disabled === true };
    for (const value of Object.values(record)) yield* blocksIn(value);
  }
}

/** Where this app's portal block is in a theme's files: an enabled one wins over a disabled one. */
export function findPortalBlock(files: ThemeFile[], appHandle: string): Omit<ThemeBlockStatus, "themeName"> {
  let disabledIn: string | null = null;
  for (const file of files) {
    for (const block of blocksIn(parseThemeJson(file.content))) {
      if (!isOurPortalBlock(block.type, appHandle)) continue;
      if (!block.disabled) return { state: "active", filename: file.filename };
      disabledIn ??= file.filename;
    }
  }
  return disabledIn ? { state: "disabled", filename: disabledIn } : { state: "missing", filename: null };
}

/** Reads the live theme's JSON files and looks for the block; `unknown` when Shopify cannot say right now. */
export async function detectThemeBlock(admin: AdminApiContext): Promise<ThemeBlockStatus> {
  const files: ThemeFile[] = [];
  let themeName: string | null = null;
  let appHandle = "";
  let after: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await callShopify(() => admin.graphql(MainThemeFiles, { variables: { after } }));
      const { data } = await response.json();
      appHandle = data?.currentAppInstallation.app.handle ?? appHandle;
      const theme = data?.themes?.nodes[0];
      if (!theme) return { state: "missing", themeName: null, filename: null };
      themeName = theme.name;
      for (const file of theme.files?.nodes ?? []) {
        if ("content" in file.body && typeof file.body.content === "string") {
          files.push({ filename: file.filename, content: file.body.content });
        }
      }
      const pageInfo = theme.files?.pageInfo;
      if (!pageInfo?.hasNextPage || !pageInfo.endCursor) break;
      after = pageInfo.endCursor;
    }
  } catch (error) {
    if (error instanceof ShopifyUnavailableError) return { state: "unknown", themeName, filename: null };
    throw error;
  }
  if (!appHandle) return { state: "unknown", themeName, filename: null };
  return { ...findPortalBlock(files, appHandle), themeName };
}
