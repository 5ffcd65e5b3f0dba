import { describe, expect, it } from "vitest";

import { findPortalBlock, parseThemeJson } from "./detect-theme-block.server";

const OURS = "shopify://apps/resolve/blocks/portal/0199a4f2-7c1e-7d2a-9b1f-3c5d7e9f1a2b";

// Shopify writes this header into theme JSON it generates (settings_data.json, templates edited in the editor).
const HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 * ------------------------------------------------------------
 */
`;

function helpTemplate(blocks: Record<string, { type: string; disabled?: boolean; settings?: object }>) {
  return {
    filename: "templates/page.help.json",
    content:
      HEADER +
      JSON.stringify({
        sections: {
          main: { type: "main-page", settings: {} },
          apps: { type: "apps", blocks, block_order: Object.keys(blocks), settings: {} },
        },
        order: ["main", "apps"],
      }),
  };
}

describe("reading theme JSON", () => {
  it("reads files with Shopify's generated comment header and line comments", () => {
    expect(parseThemeJson(`${HEADER}{"a": 1}`)).toEqual({ a: 1 });
    expect(parseThemeJson('{\n  // the help page\n  "a": [1, 2] // two\n}')).toEqual({ a: [1, 2] });
  });

  it("leaves comment-like text inside strings alone", () => {
    expect(parseThemeJson(`${HEADER}{"url": "https://example.com/*x*/", "q": "say \\"//hi\\""}`)).toEqual({
      url: "https://example.com/*x*/",
      q: 'say "//hi"',
    });
  });

  it("gives up quietly on a file that is not JSON", () => {
    expect(parseThemeJson("{{ not json }}")).toBeUndefined();
  });
});

describe("finding the portal block in the live theme's files", () => {
  it("finds it active in an Apps section of a page template", () => {
    expect(findPortalBlock([helpTemplate({ portal: { type: OURS } })], "resolve")).toEqual({
      state: "active",
      filename: "templates/page.help.json",
    });
  });

  it("reports it disabled when the merchant hid it in the theme editor", () => {
    expect(findPortalBlock([helpTemplate({ portal: { type: OURS, disabled: true } })], "resolve")).toEqual({
      state: "disabled",
      filename: "templates/page.help.json",
    });
  });

  it("prefers an enabled block anywhere over a disabled one", () => {
    const disabled = helpTemplate({ portal: { type: OURS, disabled: true } });
    const footer = {
      filename: "sections/footer-group.json",
      content: JSON.stringify({ type: "footer", sections: { apps: { type: "apps", blocks: { p: { type: OURS } } } } }),
    };
    expect(findPortalBlock([disabled, footer], "resolve")).toEqual({
      state: "active",
      filename: "sections/footer-group.json",
    });
  });

  it("counts an enabled app block stored in settings_data.json", () => {
    const settings = {
      filename: "config/settings_data.json",
      content: HEADER + JSON.stringify({ current: { blocks: { "123": { type: OURS, disabled: false } } } }),
    };
    expect(findPortalBlock([settings], "resolve").state).toBe("active");
  });

  it("ignores another app's portal block and other blocks of this app", () => {
    const files = [
      helpTemplate({
        theirs: { type: "shopify://apps/helpdesk-pro/blocks/portal/11111111-2222-3333-4444-555555555555" },
        embed: { type: "shopify://apps/resolve/blocks/portal-embed/0199a4f2-7c1e-7d2a-9b1f-3c5d7e9f1a2b" },
        text: { type: "text", settings: { text: "shopify://apps/resolve/blocks/portal/ in a setting" } },
      }),
    ];
    expect(findPortalBlock(files, "resolve")).toEqual({ state: "missing", filename: null });
  });

  it("reports it missing in a theme without it, or with unreadable files", () => {
    expect(findPortalBlock([], "resolve").state).toBe("missing");
    expect(findPortalBlock([{ filename: "templates/broken.json", content: "{" }], "resolve").state).toBe("missing");
  });
});
