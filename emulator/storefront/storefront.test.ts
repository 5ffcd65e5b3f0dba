import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoSnapshot, portalMetafield, renderInput } from "./fixtures.js";
import { EXTENSION_ASSETS_URL_PREFIX, extensionAssetsDir, renderStorefrontPage } from "./index.js";

/** The rendered app block, without the emulator's page around it. */
function portalBlock(html: string): string {
  const start = html.indexOf('<div id="shopify-block-');
  const end = html.indexOf("</main>");
  expect(start, "the portal block is on the page").toBeGreaterThan(-1);
  return html.slice(start, end);
}

function summaries(html: string): string[] {
  return [...html.matchAll(/<summary[^>]*>([\s\S]*?)<\/summary>/g)].map((m) => m[1] ?? "");
}

describe("storefront help page: portal block", () => {
  it("renders the FAQ of the shopper's locale as disclosure widgets", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput({ locale: "fr" })));

    expect(block).toMatch(/<h2[^>]*>Aide et assistance<\/h2>/);
    expect(block).toContain("Suivez une commande, lancez un retour ou trouvez une réponse.");
    expect(summaries(block)).toEqual(["Quel est le délai de livraison ?"]);
    expect(block).toMatch(
      /<details[\s\S]*?<summary[\s\S]*?<\/summary>\s*<div class="resolve-portal__answer"><p>Les commandes partent sous <strong>2 jours ouvrés<\/strong>.<\/p><\/div>\s*<\/details>/,
    );
    // Interface text comes from the extension's French locale file, pluralized for one question.
    expect(block).toContain("Questions fréquentes");
    expect(block).toContain(">1 question<");
    expect(block).not.toContain("How long does shipping take?");
  });

  it("falls back to the snapshot's default locale and marks that content's language", async () => {
    const html = await renderStorefrontPage(renderInput({ locale: "de" }));
    const block = portalBlock(html);

    expect(html).toMatch(/<html lang="de"/);
    expect(summaries(block)).toEqual(["How long does shipping take?", "How long do I have to return an item?"]);
    expect(block).toMatch(/<h2[^>]*lang="en"[^>]*>Help &amp; support<\/h2>/);
    expect(block).toMatch(/class="resolve-portal__questions"\s+lang="en"/);
    // The block's own strings stay German.
    expect(block).toContain("Häufig gestellte Fragen");
    expect(block).toContain(">2 Fragen<");
  });

  it("uses the content of a region's language (pt-BR reads pt) before the default", async () => {
    const snapshot = demoSnapshot();
    snapshot.locales.pt = {
      heading: "Central de ajuda",
      faq: [{ id: "prazo", question: "Qual é o prazo?", answerHtml: "<p>5 dias.</p>" }],
    };
    const block = portalBlock(
      await renderStorefrontPage(
        renderInput({ locale: "pt-BR", availableLocales: ["en", "pt-BR"], appMetafields: portalMetafield(snapshot) }),
      ),
    );

    expect(summaries(block)).toEqual(["Qual é o prazo?"]);
    expect(block).toMatch(/<h2[^>]*lang="pt"[^>]*>Central de ajuda<\/h2>/);
    // No pt-BR or pt locale file in the extension: its strings fall back to en.default.json.
    expect(block).toContain("Frequently asked questions");
  });

  it("shows a friendly empty state, not an error, before anything is published", async () => {
    const emptyValue = { resolve: { portal: { type: "json", value: "" } } };
    for (const appMetafields of [
      {},
      { resolve: {} },
      emptyValue,
      portalMetafield({}),
      portalMetafield({ version: 1, locales: {} }),
    ]) {
      const block = portalBlock(await renderStorefrontPage(renderInput({ locale: "es", appMetafields })));

      expect(block).toContain("Las respuestas llegarán pronto");
      expect(block).toContain("Esta tienda aún está preparando su centro de ayuda.");
      expect(block).toMatch(/<h2[^>]*>¿Cómo podemos ayudarte\?<\/h2>/);
      expect(block).not.toContain("<details");
      // The merchant-only hint is for the theme editor, never for shoppers.
      expect(block).not.toContain("resolve-portal__editor-hint");
    }
  });

  it("tells the merchant what to do when the empty block is seen in the theme editor", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: {}, designMode: true })));
    expect(block).toContain("publish your help content in the Resolve app");
  });

  it("turns the snapshot's branding into custom properties on the block root", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput()));
    expect(block).toMatch(
      /<section\s+class="resolve-portal"[^>]*style="--resolve-accent: #1f6feb; --resolve-radius: 12px;"/,
    );
  });

  it("keeps anything but a hex color and a bounded radius out of the style attribute", async () => {
    const snapshot = demoSnapshot();
    snapshot.branding = { accentColor: 'red; background: url("https://evil.test/x")', radius: 400 };
    const block = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: portalMetafield(snapshot) })));

    expect(block).not.toContain("evil.test");
    expect(block).not.toContain("--resolve-accent");
    expect(block).toContain('style="--resolve-radius: 32px;"');
  });

  it("passes the app's sanitized answer HTML through but escapes every other snapshot field", async () => {
    const snapshot = demoSnapshot();
    snapshot.locales.en = {
      heading: "Help <script>alert('heading')</script>",
      intro: "<img src=x onerror=alert(1)>",
      faq: [
        {
          id: 'x" onmouseover="alert(1)',
          question: "Returns? <script>alert('question')</script>",
          answerHtml: '<p>Use the <a href="/apps/resolve">returns form</a>.</p>',
        },
      ],
    };
    const block = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: portalMetafield(snapshot) })));

    expect(block).not.toContain("<script");
    expect(block).not.toContain("<img");
    expect(block).not.toContain('" onmouseover');
    expect(block).toContain("Help &lt;script&gt;alert(&#39;heading&#39;)&lt;/script&gt;");
    expect(summaries(block)).toEqual(["Returns? &lt;script&gt;alert(&#39;question&#39;)&lt;/script&gt;"]);
    expect(block).toContain('<p>Use the <a href="/apps/resolve">returns form</a>.</p>');
  });

  it("greets a signed-in shopper by escaped first name and offers guests a sign-in link back here", async () => {
    const signedIn = portalBlock(
      await renderStorefrontPage(
        renderInput({ customer: { id: 101, firstName: "Ana <b>", email: "ana@example.com" } }),
      ),
    );
    expect(signedIn).toContain("Signed in as Ana &lt;b&gt;.");
    expect(signedIn).not.toContain("/account/login");

    const guest = portalBlock(await renderStorefrontPage(renderInput({ locale: "fr" })));
    expect(guest).toContain(
      'Vous avez un compte\u202f? <a href="/fr/account/login?return_url=%2Fpages%2Fhelp">Connectez-vous</a>',
    );
  });

  it("prefixes routes with the locale unless it is the shop's primary one", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput({ locale: "en", primaryLocale: "fr" })));
    expect(block).toContain('href="/en/account/login?return_url=%2Fpages%2Fhelp"');
  });

  it("applies the merchant's block settings over the schema defaults", async () => {
    const custom = portalBlock(
      await renderStorefrontPage(
        renderInput({ blockSettings: { heading: "Questions? We answer.", open_first_answer: true } }),
      ),
    );
    expect(custom).toMatch(/<h2[^>]*>Questions\? We answer.<\/h2>/);
    expect(custom).toMatch(/<details[^>]*id="ResolveFaq-[^"]*-shipping-time"\s+open\s*>/);
    expect(custom).not.toMatch(/-return-window"\s+open/);

    const defaults = portalBlock(await renderStorefrontPage(renderInput()));
    expect(defaults).not.toMatch(/\sopen\s*>/);

    const withoutFaq = portalBlock(await renderStorefrontPage(renderInput({ blockSettings: { show_faq: false } })));
    expect(withoutFaq).not.toContain("<details");
    expect(withoutFaq).toContain("Help &amp; support");
  });

  it("rejects a block setting the schema does not define", async () => {
    await expect(renderStorefrontPage(renderInput({ blockSettings: { show_faqs: true } }))).rejects.toThrow(
      /block setting "show_faqs" is not in the schema/,
    );
  });

  it("rejects a json metafield that does not hold JSON, as Shopify's API would never store it", async () => {
    const appMetafields = { resolve: { portal: { type: "json", value: "{not json" } } };
    await expect(renderStorefrontPage(renderInput({ appMetafields }))).rejects.toThrow(/resolve\.portal .* valid JSON/);
  });
});

describe("storefront help page: the page around the block", () => {
  it("is a complete document with language, viewport, landmarks and the block's stylesheet", async () => {
    const html = await renderStorefrontPage(renderInput({ locale: "ja" }));

    expect(html).toMatch(/^<!doctype html>\s*<html lang="ja" dir="ltr">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>ヘルプ – Maple &amp; Pine</title>");
    expect(html).toMatch(/<header class="site-header">[\s\S]*Maple &amp; Pine[\s\S]*<\/header>/);
    expect(html).toMatch(/<main id="MainContent"[^>]*>[\s\S]*<h1 class="page-title">ヘルプ<\/h1>/);
    expect(html).toMatch(/<footer class="site-footer">[\s\S]*<\/footer>/);
    expect(html).toContain(`<link rel="stylesheet" href="${EXTENSION_ASSETS_URL_PREFIX}portal.css">`);
    expect(existsSync(path.join(extensionAssetsDir, "portal.css"))).toBe(true);
  });

  it("offers a labelled GET form to switch shopper and locale", async () => {
    const html = await renderStorefrontPage(
      renderInput({ locale: "fr", customer: { id: 102, firstName: "Kenji", email: "kenji@example.com" } }),
    );
    const form = /<form class="shopper-switch"[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";

    expect(form).toMatch(/method="get" action="\/pages\/help"/);
    expect(form).toMatch(
      /<label for="ShopperSwitchCustomer">Navigation en tant que<\/label>\s*<select id="ShopperSwitchCustomer" name="customer">/,
    );
    expect(form).toContain('<option value="guest">Invité</option>');
    expect(form).toContain('<option value="102" selected>Kenji Sato</option>');
    expect(form).toMatch(
      /<label for="ShopperSwitchLocale">Langue<\/label>\s*<select id="ShopperSwitchLocale" name="locale">/,
    );
    expect(form).toContain('<option value="fr" lang="fr" selected>Français</option>');
    expect(form).toContain('<option value="ja" lang="ja">日本語</option>');
    expect(form).toContain('<button type="submit">Appliquer</button>');

    const guestForm = /<form class="shopper-switch"[\s\S]*?<\/form>/.exec(
      await renderStorefrontPage(renderInput()),
    )?.[0];
    expect(guestForm).toContain('<option value="guest" selected>Guest</option>');
  });

  it("refuses a locale the shop has not published", async () => {
    await expect(renderStorefrontPage(renderInput({ locale: "sv" }))).rejects.toThrow(
      /"sv" is not one of the shop's locales/,
    );
  });
});
