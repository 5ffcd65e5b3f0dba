import type { ThemeFileRecord, ThemeRecord } from "../state";
import type { SeedClock } from "./clock";
import type { IdSequence } from "./ids";

// Shopify writes this header into every settings_data.json, which makes the file JSON with comments:
// code that reads it (to find the app embed) has to cope, so the seed keeps it.
const GENERATED_HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 *
 * This file may be updated by the Shopify admin theme editor
 * or related systems. Please exercise caution as any changes
 * made to this file may be overwritten.
 * ------------------------------------------------------------
 */
`;

/** Dawn's settings without any Resolve app embed: tests add one with `setThemeFile`. */
const SETTINGS_DATA = {
  current: {
    logo_width: 90,
    type_header_font: "assistant_n4",
    type_body_font: "assistant_n4",
    color_schemes: {
      "scheme-1": { settings: { background: "#FFFFFF", text: "#121212", button: "#121212", button_label: "#FFFFFF" } },
      "scheme-2": { settings: { background: "#F3F3F3", text: "#121212", button: "#121212", button_label: "#F3F3F3" } },
    },
    blocks: {},
    sections: {
      "announcement-bar": {
        type: "announcement-bar",
        blocks: { "announcement-1": { type: "announcement", settings: { text: "Free shipping on orders over $100" } } },
        block_order: ["announcement-1"],
        settings: {},
      },
    },
    content_for_index: [],
  },
  presets: { Default: {} },
};

const HELP_PAGE_TEMPLATE = {
  sections: {
    main: { type: "main-page", settings: { padding_top: 28, padding_bottom: 28 } },
  },
  order: ["main"],
};

const PRODUCT_TEMPLATE = {
  sections: {
    main: {
      type: "main-product",
      blocks: {
        title: { type: "title", settings: {} },
        price: { type: "price", settings: {} },
        buy_buttons: { type: "buy_buttons", settings: {} },
      },
      block_order: ["title", "price", "buy_buttons"],
      settings: {},
    },
  },
  order: ["main"],
};

function file(filename: string, content: string, createdAt: string): ThemeFileRecord {
  return { filename, content, createdAt, updatedAt: createdAt };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function seedThemes(ids: IdSequence, clock: SeedClock): ThemeRecord[] {
  const published = clock.ago(300);
  const dawnFiles = (createdAt: string) => [
    file("config/settings_data.json", GENERATED_HEADER + json(SETTINGS_DATA), createdAt),
    file(
      "config/settings_schema.json",
      json([{ name: "theme_info", theme_name: "Dawn", theme_version: "15.4.0", theme_author: "Shopify" }]),
      createdAt,
    ),
    file("templates/index.json", json({ sections: {}, order: [] }), createdAt),
    file("templates/page.json", json(HELP_PAGE_TEMPLATE), createdAt),
    file("templates/page.help.json", json(HELP_PAGE_TEMPLATE), createdAt),
    file("templates/product.json", json(PRODUCT_TEMPLATE), createdAt),
    file(
      "layout/theme.liquid",
      '<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n  <head>{{ content_for_header }}</head>\n  <body>{{ content_for_layout }}</body>\n</html>\n',
      createdAt,
    ),
  ];
  return [
    {
      id: ids.take("OnlineStoreTheme"),
      name: "Dawn",
      role: "MAIN",
      createdAt: published,
      updatedAt: clock.ago(12),
      files: dawnFiles(published),
    },
    {
      id: ids.take("OnlineStoreTheme"),
      name: "Dawn - holiday draft",
      role: "UNPUBLISHED",
      createdAt: clock.ago(40),
      updatedAt: clock.ago(40),
      files: dawnFiles(clock.ago(40)),
    },
  ];
}
