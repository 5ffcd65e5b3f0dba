import type { StorefrontRenderInput } from "./index.js";

/** The portal snapshot as the Resolve app publishes it (contract: extensions/self-service/README.md). */
export interface PortalSnapshot {
  version: 1;
  defaultLocale?: string;
  branding?: { accentColor?: string; radius?: number };
  locales: Record<
    string,
    { heading?: string; intro?: string; faq?: { id: string; question: string; answerHtml: string }[] }
  >;
}

export function demoSnapshot(): PortalSnapshot {
  return {
    version: 1,
    defaultLocale: "en",
    branding: { accentColor: "#1F6FEB", radius: 12 },
    locales: {
      en: {
        heading: "Help & support",
        intro: "Track an order, start a return or find an answer.",
        faq: [
          {
            id: "shipping-time",
            question: "How long does shipping take?",
            answerHtml: "<p>Orders ship within <strong>2 business days</strong>.</p>",
          },
          {
            id: "return-window",
            question: "How long do I have to return an item?",
            answerHtml: '<p>30 days from delivery. See <a href="/policies/refund-policy">our policy</a>.</p>',
          },
        ],
      },
      fr: {
        heading: "Aide et assistance",
        intro: "Suivez une commande, lancez un retour ou trouvez une réponse.",
        faq: [
          {
            id: "delai-livraison",
            question: "Quel est le délai de livraison ?",
            answerHtml: "<p>Les commandes partent sous <strong>2 jours ouvrés</strong>.</p>",
          },
        ],
      },
    },
  };
}

export function portalMetafield(snapshot: unknown): StorefrontRenderInput["appMetafields"] {
  return { resolve: { portal: { type: "json", value: JSON.stringify(snapshot) } } };
}

export function renderInput(overrides: Partial<StorefrontRenderInput> = {}): StorefrontRenderInput {
  return {
    shop: { name: "Maple & Pine", domain: "maple-and-pine.myshopify.com", currency: "EUR" },
    locale: "en",
    availableLocales: ["en", "fr", "de", "es", "it", "nl", "ja"],
    customer: null,
    customers: [
      { id: 101, name: "Ana Díaz" },
      { id: 102, name: "Kenji Sato" },
    ],
    appMetafields: portalMetafield(demoSnapshot()),
    path: "/pages/help",
    ...overrides,
  };
}
