import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoSnapshot, renderInput, snapshotMetafields } from "./fixtures.js";
import { EXTENSION_ASSETS_URL_PREFIX, extensionAssetsDir, renderStorefrontPage } from "./index.js";

/**
 * The rendered app block, without the emulator's page around it, as a reader sees it: without the inert
 * `<template>`s and the script's text, which the block's script fills in later (tested in e2e/).
 */
function portalBlock(html: string): string {
  const start = html.indexOf('<div id="shopify-block-');
  const end = html.indexOf("</main>");
  expect(start, "the portal block is on the page").toBeGreaterThan(-1);
  return html
    .slice(start, end)
    .replace(/<template[\s\S]*?<\/template>/g, "")
    .replace(/<script type="application\/json"[\s\S]*?<\/script>/g, "");
}

function summaries(html: string): string[] {
  return [...html.matchAll(/<summary[^>]*>([\s\S]*?)<\/summary>/g)].map((m) => m[1] ?? "");
}

describe("storefront help page: portal block", () => {
  it("renders the FAQ of the shopper's locale, grouped by category, as disclosure widgets", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput({ locale: "fr" })));

    expect(block).toMatch(/<h2[^>]*>Aide et assistance<\/h2>/);
    expect(block).toContain("Suivez une commande, lancez un retour ou trouvez une réponse.");
    expect(summaries(block)).toEqual(["Quel est le délai de livraison ?"]);
    expect(block).toMatch(/<h4\s+class="resolve-portal__group-heading"[^>]*>Livraison<\/h4>/);
    expect(block).toMatch(
      /<details[\s\S]*?<summary[\s\S]*?<\/summary>\s*<div class="resolve-portal__answer"><p>Les commandes partent sous <strong>2 jours ouvrés<\/strong>.<\/p><\/div>[\s\S]*?<\/details>/,
    );
    // Interface text comes from the extension's French locale file, pluralized for one question.
    expect(block).toContain("Questions fréquentes");
    expect(block).toContain(">1 question<");
    expect(block).not.toContain("How long does shipping take?");
  });

  it("lists questions without a category last, under their own heading", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput()));
    const headings = [...block.matchAll(/<h4[^>]*>([^<]*)<\/h4>/g)].map((m) => m[1]);
    expect(headings).toEqual(["Shipping", "Other questions"]);
    expect(block.indexOf("How long does shipping take?")).toBeLessThan(
      block.indexOf("How long do I have to return an item?"),
    );

    const snapshot = demoSnapshot();
    snapshot.content.en!.categories = [];
    const flat = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })));
    expect(flat).not.toContain("<h4");
    expect(summaries(flat)).toEqual(["How long does shipping take?", "How long do I have to return an item?"]);
  });

  it("falls back to the shop's default language and marks that content's language", async () => {
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

  it("marks a policy or an article shown in the default language inside translated content", async () => {
    const snapshot = demoSnapshot();
    snapshot.content.fr!.faq.push({
      id: "untranslated",
      categoryId: null,
      question: "Do you ship abroad?",
      answerHtml: "<p>Yes.</p>",
      keywords: "",
      lang: "en",
    });
    const block = portalBlock(
      await renderStorefrontPage(renderInput({ locale: "fr", appMetafields: snapshotMetafields(snapshot) })),
    );
    expect(block).toMatch(/<div\s+class="resolve-portal__policy"\s+lang="en"/);
    expect(block).toMatch(/<details[^>]*-untranslated"[^>]*lang="en"/);
    expect(block).toContain(">Autres questions<");
  });

  it("uses the content of a region's language (pt-BR reads pt) before the default", async () => {
    const snapshot = demoSnapshot();
    snapshot.content.pt = {
      heading: "Central de ajuda",
      categories: [],
      faq: [{ id: "prazo", categoryId: null, question: "Qual é o prazo?", answerHtml: "<p>5 dias.</p>", keywords: "" }],
    };
    const block = portalBlock(
      await renderStorefrontPage(
        renderInput({
          locale: "pt-BR",
          availableLocales: ["en", "pt-BR"],
          appMetafields: snapshotMetafields(snapshot),
        }),
      ),
    );

    expect(summaries(block)).toEqual(["Qual é o prazo?"]);
    expect(block).toMatch(/<h2[^>]*lang="pt"[^>]*>Central de ajuda<\/h2>/);
    // No pt-BR or pt locale file in the extension: its strings fall back to en.default.json.
    expect(block).toContain("Frequently asked questions");
  });

  it("shows a friendly empty state, not an error, before anything is published", async () => {
    const { portal } = demoSnapshot();
    for (const appMetafields of [
      {},
      { resolve: {} },
      { resolve: { portal: { type: "json", value: "" } } },
      snapshotMetafields({ portal: {}, content: {} }),
      // Settings without any language's content, or content without settings.
      snapshotMetafields({ portal, content: {} }),
      snapshotMetafields({ portal: {}, content: demoSnapshot().content }),
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

  it("turns the snapshot's branding into custom properties and a density class on the block root", async () => {
    const block = portalBlock(await renderStorefrontPage(renderInput()));
    expect(block).toMatch(
      /<resolve-portal\s+class="resolve-portal resolve-portal--comfortable"[^>]*style="--resolve-accent: #1f6feb; --resolve-on-accent: #ffffff; --resolve-radius: 12px;"/,
    );

    const snapshot = demoSnapshot();
    snapshot.portal.branding = { ...snapshot.portal.branding, density: "compact", accentColor: "#A05", radius: 0 };
    const compact = portalBlock(
      await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })),
    );
    expect(compact).toMatch(/class="resolve-portal resolve-portal--compact"/);
    expect(compact).toContain("--resolve-accent: #a05;");
    expect(compact).toContain("--resolve-radius: 0px;");
  });

  it("keeps anything but hex colours and a bounded radius out of the style attribute", async () => {
    const snapshot = demoSnapshot();
    const tampered = snapshot.portal.branding as unknown as Record<string, unknown>;
    tampered.accentColor = 'red; background: url("https://evil.test/x")';
    tampered.textOnAccentColor = "#fff;}body{display:none";
    tampered.radius = 400;
    tampered.density = '" onmouseover="alert(1)';
    const block = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })));

    expect(block).not.toContain("evil.test");
    expect(block).not.toContain("display:none");
    expect(block).not.toContain("--resolve-accent");
    expect(block).not.toContain("--resolve-on-accent");
    expect(block).not.toContain("onmouseover");
    expect(block).toContain('style="--resolve-radius: 32px;"');
    expect(block).toContain('class="resolve-portal resolve-portal--comfortable"');

    for (const accentColor of ["#12345", "#1234", "#12345678", "1f6feb", "#ggg"]) {
      tampered.accentColor = accentColor;
      const html = portalBlock(
        await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })),
      );
      expect(html, accentColor).not.toContain("--resolve-accent");
    }
  });

  it("passes the app's sanitized HTML through but escapes every other snapshot field", async () => {
    const snapshot = demoSnapshot();
    snapshot.content.en = {
      heading: "Help <script>alert('heading')</script>",
      intro: "<img src=x onerror=alert(1)>",
      categories: [{ id: "c1", title: "<b>Bold</b> category", lang: 'en" onclick="x' }],
      faq: [
        {
          id: 'x" onmouseover="alert(1)',
          categoryId: "c1",
          question: "Returns? <script>alert('question')</script>",
          answerHtml: '<p>Use the <a href="/apps/resolve">returns form</a>.</p>',
          keywords: '"><script>alert(1)</script>',
          lang: '"><script>alert(2)</script>',
        },
      ],
    };
    const block = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })));

    expect(block).not.toContain("<script");
    expect(block).not.toContain("<img");
    expect(block).not.toContain("<b>");
    expect(block).not.toContain('" onmouseover');
    expect(block).not.toContain('" onclick');
    expect(block).toContain("Help &lt;script&gt;alert(&#39;heading&#39;)&lt;/script&gt;");
    expect(summaries(block)).toEqual(["Returns? &lt;script&gt;alert(&#39;question&#39;)&lt;/script&gt;"]);
    expect(block).toContain('<p>Use the <a href="/apps/resolve">returns form</a>.</p>');
  });

  it("shows only the modules the merchant turned on", async () => {
    const all = portalBlock(await renderStorefrontPage(renderInput()));
    expect(all).toContain("resolve-portal__module--tracking");
    expect(all).toMatch(/<h3[^>]*>Returns<\/h3>/);
    expect(all).toContain("You can return items within 30 days of delivery.");
    expect(all).toContain("<p>Return unworn items within <strong>30 days</strong> of delivery.</p>");
    expect(all).toContain("<details");
    expect(all).toContain(
      'Email us at <a href="mailto:help@maple-and-pine.example">help@maple-and-pine.example</a> and we will get back to you.',
    );

    const snapshot = demoSnapshot();
    snapshot.portal.branding.modules = { tracking: false, returns: false, faq: false, contact: true };
    snapshot.portal.contact = { email: false, orderRequired: false };
    const none = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })));
    expect(none).not.toContain("resolve-portal__module--tracking");
    expect(none).not.toContain("resolve-portal__module--returns");
    expect(none).not.toContain("<details");
    // Contact is on, but without the email option there is nothing a shopper can use without the script.
    expect(none).not.toContain("mailto:");
    // Still a published portal, not the "coming soon" state.
    expect(none).not.toContain("Answers are coming soon");
    expect(none).toContain("Help &amp; support");
  });

  it("says what the return window counts from, in the shopper's language", async () => {
    const snapshot = demoSnapshot();
    snapshot.content.fr!.returnWindowStart = "fulfillment";
    snapshot.content.fr!.returnWindowDays = 1;
    const block = portalBlock(
      await renderStorefrontPage(renderInput({ locale: "fr", appMetafields: snapshotMetafields(snapshot) })),
    );
    expect(block).toContain("Vous pouvez retourner un article dans un délai de 1 jour après l’expédition.");
    expect(portalBlock(await renderStorefrontPage(renderInput({ locale: "fr" })))).toContain(
      "dans un délai de 30 jours après la livraison.",
    );
  });

  it("leaves the returns module out when the shop has no policy text or window to show", async () => {
    const snapshot = demoSnapshot();
    delete snapshot.content.en!.policyHtml;
    delete snapshot.content.en!.returnWindowDays;
    const block = portalBlock(await renderStorefrontPage(renderInput({ appMetafields: snapshotMetafields(snapshot) })));
    expect(block).not.toContain("resolve-portal__module--returns");
  });

  it("greets a signed-in shopper by escaped first name and offers guests a sign-in link back here", async () => {
    const signedIn = portalBlock(
      await renderStorefrontPage(
        renderInput({ customer: { id: 101, firstName: "Ana <b>", email: "ana@example.com" } }),
      ),
    );
    expect(signedIn).toContain("Signed in as Ana &lt;b&gt;.");
    expect(signedIn).not.toContain("/account/login");
    expect(signedIn).toMatch(/<a class="resolve-portal__button" href="\/account"[^>]*>View your orders<\/a>/);

    const guest = portalBlock(await renderStorefrontPage(renderInput({ locale: "fr" })));
    expect(guest).toContain(
      'Vous avez un compte\u202f? <a href="/fr/account/login?return_url=%2Fpages%2Fhelp">Connectez-vous</a>',
    );
    expect(guest).toMatch(
      /<a class="resolve-portal__button" href="\/fr\/account\/login\?return_url=%2Fpages%2Fhelp">Se connecter pour suivre une commande<\/a>/,
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
    expect(custom).toMatch(/<details[^>]*id="ResolveFaq-[^"]*-shipping-time"[^>]*\sopen\s*>/);
    expect(custom).not.toMatch(/-return-window"[^>]*\sopen\s*>/);

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
