/**
 * What a merchant who finished setting up has, for `npm run demo`: the FAQ's starter articles, each with its
 * `[Review: …]` facts filled in for the demo shop, in English and French, published; a saved return policy
 * (every Shopify return reason, policy text in both languages); and all of it published to the storefront through
 * the app's own "Publish again" action. Written with the app's own models, so it is exactly what the admin pages
 * would have saved. The browser tests and benchmarks start from a fresh install instead.
 */
import type { Demo } from "./demo";
import { MERCHANT_BROWSER } from "./merchant-browser";

type DemoLanguage = "en" | "fr";

/**
 * The demo shop's answer to each `[Review: …]` of the starter articles (faq-starter-articles.server.ts), by
 * article handle and language: the placeholder's text → what the merchant wrote instead. Every starter article
 * needs an entry and every placeholder a fact; a test holds the two together.
 */
export const DEMO_FACTS: Record<string, Record<DemoLanguage, Record<string, string>>> = {
  "how-do-i-return-an-item": {
    en: { "30": "30", "free / a flat fee of $5 deducted from your refund": "free" },
    fr: { "30": "30", "offerts / de 5 € déduits du remboursement": "offerts" },
  },
  "when-will-i-get-my-refund": {
    en: { "5": "5" },
    fr: { "5": "5" },
  },
  "can-i-exchange-an-item": {
    en: { "or once we receive it": "and the carrier has scanned it" },
    fr: { "ou dès sa réception": "et scanné par le transporteur" },
  },
  "how-long-does-shipping-take": {
    en: { "1–2": "1–2", "3–5": "3–5" },
    fr: { "1 à 2": "1 à 2", "3 à 5": "3 à 5" },
  },
  "do-you-ship-internationally": {
    en: {
      "the countries you ship to": "Canada and most of Europe",
      "7–14": "5–10",
      "are included in the price at checkout / are charged by the carrier on delivery":
        "are included in the price at checkout",
    },
    fr: {
      "les pays desservis": "au Canada et dans la plupart des pays d'Europe",
      "7 à 14": "5 à 10",
      "sont inclus au paiement / sont facturés par le transporteur à la livraison": "sont inclus au paiement",
    },
  },
  "can-i-change-or-cancel-my-order": {
    en: { "within 2 hours": "within 2 hours" },
    fr: { "dans les 2 heures": "dans les 2 heures" },
  },
  "my-parcel-has-not-arrived": {
    en: { "5": "5", "your carriers": "UPS, USPS, FedEx, DHL Express, Canada Post or Colissimo" },
    fr: { "5": "5", "vos transporteurs": "UPS, USPS, FedEx, DHL Express, Postes Canada ou Colissimo" },
  },
  "final-sale-items": {
    en: {
      "clearance items, gift cards, personalised items and underwear": "swimwear, earrings and gift cards",
    },
    fr: {
      "les articles déstockés, les cartes cadeaux, les articles personnalisés et la lingerie":
        "les maillots de bain, les boucles d'oreilles et les cartes cadeaux",
    },
  },
  "returning-a-gift": {
    en: { "store credit": "store credit" },
    fr: { avoir: "avoir" },
  },
};

/** `text` with each `[Review: …]` replaced by the fact given for it; a placeholder without one is an error. */
export function fillReviewPlaceholders(text: string, facts: Record<string, string>): string {
  return text.replace(/\[Review:\s*([^\]]*)\]/g, (placeholder, key: string) => {
    const fact = facts[key.trim()];
    if (fact === undefined) throw new Error(`Demo content: no demo fact for ${placeholder}`);
    return fact;
  });
}

const POLICY_TEXT = {
  en: "Return unworn items within **30 days** of delivery. Refunds go back to your original payment method within 5 business days of the parcel reaching us. Final-sale items and gift cards cannot be returned.",
  fr: "Retournez les articles non portés sous **30 jours** après la livraison. Le remboursement est effectué sur votre moyen de paiement sous 5 jours ouvrés après réception du colis. Les articles en vente définitive et les cartes cadeaux ne sont ni repris ni échangés.",
};

/** Where to seed: the demo's database, its app and its emulator. */
export type DemoTarget = Pick<Demo, "appUrl" | "emulator" | "databaseUrl">;

/**
 * Sets the demo shop up and publishes it, from whatever state a previous start left: nothing yet, a start killed
 * half-way, a deleted database with the emulator's shop kept, or the reverse. Each step only adds what is
 * missing. The return policy is saved last, so it marks a finished set-up, after which what the merchant changed
 * in the admin is left alone (unless the shop has no FAQ article at all: the demo is there to show one).
 * Publishing runs on every start: the emulator's shop may have lost or never received the snapshot, and the app
 * sends nothing when the storefront already shows it.
 */
export async function seedDemoHelpCentre(
  demo: DemoTarget,
  app: { apiKey: string; apiSecret: string },
): Promise<"seeded" | "kept"> {
  // The app's modules read their configuration at import time.
  Object.assign(process.env, {
    DATABASE_URL: demo.databaseUrl,
    SHOPIFY_APP_URL: demo.appUrl,
    SHOPIFY_API_KEY: app.apiKey,
    SHOPIFY_API_SECRET: app.apiSecret,
  });
  const { default: prisma } = await import("../app/db.server");
  const shop = demo.emulator.shop;
  const policySaved = Boolean(await prisma.returnPolicy.findUnique({ where: { shop } }));
  const hasFaq = (await prisma.faqArticle.count({ where: { shop } })) > 0;
  if (!policySaved || !hasFaq) await publishStarterArticles(shop);
  if (!policySaved) await saveDemoPolicy(demo);
  await publishThroughApp(demo);
  return policySaved && hasFaq ? "kept" : "seeded";
}

/**
 * "Add starter articles" on the FAQ page, then each one reviewed and published, as a merchant does. Articles
 * already there are kept; those still holding a placeholder get the demo's facts.
 */
async function publishStarterArticles(shop: string) {
  const { addStarterArticles } = await import("../app/features/faq/faq-starter-articles.server");
  const { findReviewPlaceholders, getArticle, saveArticle } = await import("../app/features/faq/Faq.server");
  const { default: prisma } = await import("../app/db.server");
  const locales = [
    { locale: "en", primary: true },
    { locale: "fr", primary: false },
  ];
  await addStarterArticles(shop, locales);
  const starters = await prisma.faqArticle.findMany({
    where: { shop, handle: { in: Object.keys(DEMO_FACTS) } },
    select: { id: true },
  });
  for (const { id } of starters) {
    const article = await getArticle(shop, id);
    if (!article) continue;
    const texts = Object.values(article.translations).flatMap((text) => [text.question, text.answerMarkdown]);
    if (findReviewPlaceholders(...texts).length === 0) continue;
    const facts = DEMO_FACTS[article.handle]!;
    const translations = Object.fromEntries(
      locales.flatMap(({ locale }) => {
        const text = article.translations[locale];
        if (!text) return [];
        const localeFacts = facts[locale as DemoLanguage];
        return [
          [
            locale,
            {
              question: fillReviewPlaceholders(text.question, localeFacts),
              answerMarkdown: fillReviewPlaceholders(text.answerMarkdown, localeFacts),
              keywords: text.keywords,
            },
          ],
        ];
      }),
    );
    const saved = await saveArticle(
      shop,
      article.id,
      {
        handle: article.handle,
        status: "published",
        categoryId: article.categoryId,
        position: article.position,
        translations,
      },
      locales,
    );
    if (!saved.ok) throw new Error(`Demo content: ${article.handle} was refused: ${JSON.stringify(saved.fieldErrors)}`);
  }
}

async function saveDemoPolicy(demo: DemoTarget) {
  const { saveReturnPolicy } = await import("../app/features/policy/ReturnPolicy.server");
  const reasons = demo.emulator.adminApi.state.returnReasonDefinitions
    .filter((reason) => !reason.deleted)
    .map((reason) => ({
      id: `gid://shopify/ReturnReasonDefinition/${reason.id}`,
      handle: reason.handle,
      noteRequired: reason.handle === "other",
    }));
  const policy = await saveReturnPolicy(demo.emulator.shop, {
    reasons,
    policyText: POLICY_TEXT,
  });
  if (!policy.ok) throw new Error(`Demo content: the return policy was refused: ${JSON.stringify(policy.fieldErrors)}`);
}

/**
 * Publishes to the storefront as the merchant does ("Publish again" on the FAQ page): the app's own action, with
 * the admin's session token. Returns how many FAQ articles the published English content holds.
 */
export async function publishThroughApp(demo: Pick<Demo, "appUrl" | "emulator">): Promise<number> {
  const { token } = (await (await fetch(`${demo.emulator.url}/_emulator/session-token`)).json()) as { token: string };
  const response = await fetch(new URL("/app/faq.data?index", demo.appUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "user-agent": MERCHANT_BROWSER },
    body: new URLSearchParams({ intent: "republish" }),
  });
  const body = await response.text();
  if (!response.ok || !body.includes("publishedAt")) {
    throw new Error(`Publishing through the app failed: HTTP ${response.status} ${body.slice(0, 300)}`);
  }
  const content = demo.emulator.adminApi.appDataMetafields().resolve?.content_en?.value;
  return content ? ((JSON.parse(content) as { faq?: unknown[] }).faq?.length ?? 0) : 0;
}
