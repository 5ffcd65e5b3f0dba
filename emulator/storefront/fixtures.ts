import type { LocaleContent, PortalSettings } from "../../app/features/publishing/build-storefront-snapshot.server";
import type { StorefrontRenderInput } from "./index.js";

/** A published snapshot as the Resolve app writes it (contract: docs/storefront-snapshot.md). */
export interface DemoSnapshot {
  portal: PortalSettings;
  content: Record<string, LocaleContent>;
}

export function demoSnapshot(): DemoSnapshot {
  return {
    portal: {
      version: 2,
      hash: "demo",
      defaultLocale: "en",
      locales: ["en", "fr"],
      branding: {
        accentColor: "#1f6feb",
        textOnAccentColor: "#ffffff",
        radius: 12,
        density: "comfortable",
        modules: { tracking: true, returns: true, faq: true, contact: true },
      },
      contact: { email: true, orderRequired: false },
    },
    content: {
      en: {
        heading: "Help & support",
        intro: "Track an order, start a return or find an answer.",
        policyHtml: "<p>Return unworn items within <strong>30 days</strong> of delivery.</p>",
        returnWindowDays: 30,
        categories: [{ id: "c-shipping", title: "Shipping" }],
        faq: [
          {
            id: "shipping-time",
            categoryId: "c-shipping",
            question: "How long does shipping take?",
            answerHtml: "<p>Orders ship within <strong>2 business days</strong>.</p>",
            keywords: "delivery dispatch",
          },
          {
            id: "return-window",
            categoryId: null,
            question: "How long do I have to return an item?",
            answerHtml: '<p>30 days from delivery. See <a href="/policies/refund-policy">our policy</a>.</p>',
            keywords: "refund",
          },
        ],
      },
      fr: {
        heading: "Aide et assistance",
        intro: "Suivez une commande, lancez un retour ou trouvez une réponse.",
        policyHtml: "<p>Return unworn items within <strong>30 days</strong> of delivery.</p>",
        policyLang: "en",
        returnWindowDays: 30,
        categories: [{ id: "c-shipping", title: "Livraison" }],
        faq: [
          {
            id: "delai-livraison",
            categoryId: "c-shipping",
            question: "Quel est le délai de livraison ?",
            answerHtml: "<p>Les commandes partent sous <strong>2 jours ouvrés</strong>.</p>",
            keywords: "",
          },
        ],
      },
    },
  };
}

/** The app-data metafields of a snapshot: `resolve.portal` and one `resolve.content_<locale>` per language. */
export function snapshotMetafields(snapshot: {
  portal: unknown;
  content: Record<string, unknown>;
}): StorefrontRenderInput["appMetafields"] {
  const resolve: Record<string, { type: string; value: string }> = {
    portal: { type: "json", value: JSON.stringify(snapshot.portal) },
  };
  for (const [locale, content] of Object.entries(snapshot.content)) {
    resolve[`content_${locale}`] = { type: "json", value: JSON.stringify(content) };
  }
  return { resolve };
}

export function renderInput(overrides: Partial<StorefrontRenderInput> = {}): StorefrontRenderInput {
  return {
    shop: {
      name: "Maple & Pine",
      domain: "maple-and-pine.myshopify.com",
      currency: "EUR",
      email: "help@maple-and-pine.example",
    },
    locale: "en",
    availableLocales: ["en", "fr", "de", "es", "it", "nl", "ja"],
    customer: null,
    customers: [
      { id: 101, name: "Ana Díaz" },
      { id: 102, name: "Kenji Sato" },
    ],
    appMetafields: snapshotMetafields(demoSnapshot()),
    path: "/pages/help",
    ...overrides,
  };
}
