import path from "node:path";
import { describe, expect, it } from "vitest";
import { selfServiceExtensionRoot } from "./index";
import { createShopifyLiquid, formatMoney, handleize, toMetafieldDrop } from "./shopify-liquid";
import { loadLocaleFiles, localeFileFor, translate, type LocaleFiles, type TranslationTree } from "./translations";

const extensionRoot = selfServiceExtensionRoot();

const extensionTranslations = loadLocaleFiles(path.join(extensionRoot, "locales"), "storefront");

function engineFor(locale: string, translations: LocaleFiles = extensionTranslations) {
  return createShopifyLiquid({
    extensionRoot,
    translations,
    locale,
    assetBaseUrl: "/extensions/self-service/assets/",
    currency: "EUR",
  });
}

function render(template: string, locale = "en", scope: Record<string, unknown> = {}) {
  return engineFor(locale).parseAndRender(template, scope);
}

describe("t filter with the extension's locale files", () => {
  it("renders French and Japanese, interpolating and pluralizing by the language's rules", async () => {
    expect(await render("{{ 'portal.faq.heading' | t }}", "fr")).toBe("Questions fréquentes");
    // French counts 0 and 1 as singular; English only 1.
    expect(await render("{{ 'portal.faq.count' | t: count: 0 }}", "fr")).toBe("0 question");
    expect(await render("{{ 'portal.faq.count' | t: count: 0 }}", "en")).toBe("0 questions");
    expect(await render("{{ 'portal.faq.count' | t: count: 2 }}", "fr")).toBe("2 questions");
    expect(await render("{{ 'portal.faq.heading' | t }}", "ja")).toBe("よくあるご質問");
    expect(await render("{{ 'portal.faq.count' | t: count: 1 }}", "ja")).toBe("1件の質問");
    expect(await render("{{ 'portal.signed_in_as' | t: name: who }}", "ja", { who: "健二" })).toBe(
      "健二様としてログインしています。",
    );
  });

  it("does not escape _html keys but escapes their arguments and every other key", async () => {
    const html = await render("{{ 'portal.sign_in_html' | t: url: url }}", "de", { url: '/account/login?a=1&b="2"' });
    expect(html).toBe('Sie haben ein Kundenkonto? <a href="/account/login?a=1&amp;b=&quot;2&quot;">Anmelden</a>');
    expect(await render("{{ 'portal.signed_in_as' | t: name: '<b>Ana</b>' }}")).toBe(
      "Signed in as &lt;b&gt;Ana&lt;/b&gt;.",
    );
  });

  it("uses the file of a region's language, then the default file", () => {
    expect(localeFileFor(extensionTranslations, "fr-CA")).toBe("fr");
    expect(localeFileFor(extensionTranslations, "pt-BR")).toBe("en");
  });
});

describe("t filter semantics", () => {
  const files: LocaleFiles = {
    defaultLocale: "en",
    byLocale: new Map<string, TranslationTree>([
      [
        "en",
        {
          cart: {
            items: { zero: "No items", one: "{{ count }} item", other: "{{ count }} items" },
            only_in_default: "Default text",
            title: "Cart",
          },
        },
      ],
      ["fr", { cart: { items: { one: "{{ count }} article", other: "{{ count }} articles" }, title: "Panier" } }],
    ]),
  };

  it("falls back to the default file for a key the locale's file lacks", () => {
    expect(translate(files, { locale: "fr", key: "cart.title" })).toBe("Panier");
    expect(translate(files, { locale: "fr", key: "cart.only_in_default" })).toBe("Default text");
  });

  it("prefers a zero form for 0 when the file has one", () => {
    expect(translate(files, { locale: "en", key: "cart.items", args: { count: 0 } })).toBe("No items");
    expect(translate(files, { locale: "fr", key: "cart.items", args: { count: 0 } })).toBe("0 article");
  });

  it("throws, instead of printing 'Translation missing', on a key missing everywhere or a missing argument", () => {
    expect(() => translate(files, { locale: "fr", key: "cart.nope" })).toThrow("Translation missing: fr.cart.nope");
    expect(() => translate(files, { locale: "en", key: "cart.items" })).toThrow(/pass a numeric count/);
    expect(() => translate(files, { locale: "en", key: "cart" })).toThrow(/group of keys/);
    const withArgument: LocaleFiles = { defaultLocale: "en", byLocale: new Map([["en", { hello: "Hi {{ name }}" }]]) };
    expect(() => translate(withArgument, { locale: "en", key: "hello" })).toThrow(/needs the argument "name"/);
  });
});

describe("Shopify Liquid surface", () => {
  it("rejects the tags Shopify forbids in theme app extensions, at parse time", () => {
    for (const tag of [
      "{% include 'x' %}",
      "{% layout 'x' %}",
      "{% section 'x' %}",
      "{% javascript %}x{% endjavascript %}",
      "{% stylesheet %}x{% endstylesheet %}",
    ]) {
      expect(() => engineFor("en").parse(tag), tag).toThrow(/not allowed in theme app extensions/);
    }
  });

  it("surfaces unknown filters and malformed Liquid instead of rendering around them", async () => {
    await expect(render("{{ 'x' | not_a_shopify_filter }}")).rejects.toThrow(/undefined filter: not_a_shopify_filter/);
    await expect(render("{% if x %}unclosed")).rejects.toThrow(/not closed/);
  });

  it("renders nil for unknown variables, as Shopify does", async () => {
    expect(await render("[{{ missing.deeply.nested }}]")).toBe("[]");
  });

  it("parses {% schema %} as JSON and renders nothing for it", async () => {
    expect(await render('a{% schema %}{"name": "X"}{% endschema %}b')).toBe("ab");
    expect(() => engineFor("en").parse("{% schema %}{nope{% endschema %}")).toThrow(/invalid JSON in \{% schema %\}/);
  });

  it("renders {% style %} as a style element, Liquid inside included", async () => {
    expect(await render("{% style %}.a { color: {{ c }}; }{% endstyle %}", "en", { c: "red" })).toBe(
      "<style data-shopify>.a { color: red; }</style>",
    );
  });

  it("renders {% doc %} as nothing", async () => {
    expect(await render("{% doc %}@param {string} x - y{% enddoc %}ok")).toBe("ok");
  });

  it("builds asset URLs and tags for files the extension ships, and refuses others", async () => {
    expect(await render("{{ 'portal.css' | asset_url | stylesheet_tag }}")).toBe(
      '<link href="/extensions/self-service/assets/portal.css" rel="stylesheet" type="text/css" media="all" />',
    );
    expect(await render("{{ 'portal.css' | asset_url | script_tag }}")).toBe(
      '<script src="/extensions/self-service/assets/portal.css" type="text/javascript"></script>',
    );
    await expect(render("{{ 'missing.js' | asset_url }}")).rejects.toThrow(/assets\/missing.js does not exist/);
    await expect(render("{{ '../blocks/portal.liquid' | asset_url }}")).rejects.toThrow(/does not exist/);
  });

  it("json-encodes safely for inline scripts, escapes, and defaults like Shopify", async () => {
    expect(await render("{{ v | json }}", "en", { v: { q: "</script><b>&" } })).toBe(
      '{"q":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}',
    );
    expect(await render("{{ v | escape }}", "en", { v: `<a href="x">'` })).toBe("&lt;a href=&#34;x&#34;&gt;&#39;");
    expect(
      await render("{{ missing | default: 'fallback' }}|{{ f | default: true, allow_false: true }}", "en", {
        f: false,
      }),
    ).toBe("fallback|false");
  });

  it("formats money from cents in the shop's currency", async () => {
    expect(await render("{{ 123456 | money }}")).toBe("€1.234,56");
    expect(await render("{{ 123456 | money_with_currency }}")).toBe("€1.234,56 EUR");
    expect(formatMoney(1999, "USD", false)).toBe("$19.99");
    expect(formatMoney(1999, "JPY", true)).toBe("¥20 JPY");
    expect(formatMoney(1999, "PLN", false)).toBe("19.99 PLN");
  });

  it("formats dates with strftime patterns and Shopify's named formats", async () => {
    expect(await render("{{ d | date: '%Y-%m-%d' }}", "en", { d: "2026-03-09T12:00:00Z" })).toBe("2026-03-09");
    expect(await render("{{ d | date: format: 'abbreviated_date' }}", "en", { d: "2026-03-09T12:00:00Z" })).toBe(
      "Mar 09, 2026",
    );
  });

  it("handleizes ids into URL- and id-safe handles", () => {
    expect(handleize("Délai de livraison ?")).toBe("delai-de-livraison");
    expect(handleize('x" onmouseover="alert(1)')).toBe("x-onmouseover-alert-1");
  });

  it("exposes an app metafield's parsed value and type, and prints its raw value", async () => {
    const metafield = toMetafieldDrop("resolve", "portal", { type: "json", value: '{"a":[1,2]}' });
    const scope = { app: { metafields: { resolve: { portal: metafield } } } };
    expect(
      await render(
        "{{ app.metafields.resolve.portal.value.a.size }} {{ app.metafields.resolve.portal.type }}",
        "en",
        scope,
      ),
    ).toBe("2 json");
    expect(await render("{{ app.metafields.resolve.portal }}", "en", scope)).toBe('{"a":[1,2]}');
    expect(await render("[{{ app.metafields.resolve.missing.value }}]", "en", scope)).toBe("[]");
  });
});
