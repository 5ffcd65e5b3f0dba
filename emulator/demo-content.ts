/**
 * What a merchant who finished setting up has, for `npm run demo`: a saved return policy (every Shopify return
 * reason, policy text in English and French) and a few FAQ articles in both languages, published to the
 * storefront through the app's own "Publish again" action. Written with the app's own models, so it is exactly
 * what the admin pages would have saved. The browser tests and benchmarks start from a fresh install instead.
 */
import type { Demo } from "./demo";
import { MERCHANT_BROWSER } from "./merchant-browser";

const ARTICLES: { handle: string; en: [string, string, string]; fr: [string, string, string] }[] = [
  {
    handle: "delivery-time",
    en: [
      "How long does delivery take?",
      "Orders leave within **2 business days** and arrive in 3 to 5.",
      "shipping parcel",
    ],
    fr: [
      "Combien de temps prend la livraison ?",
      "Les commandes partent sous **2 jours ouvrés** et arrivent en 3 à 5 jours.",
      "expédition colis",
    ],
  },
  {
    handle: "start-return",
    en: [
      "How do I return an item?",
      "Find your order above, choose **Return items**, and follow the steps.",
      "refund send back",
    ],
    fr: [
      "Comment retourner un article ?",
      "Retrouvez votre commande ci-dessus, choisissez **Retourner des articles** et suivez les étapes.",
      "remboursement renvoyer",
    ],
  },
  {
    handle: "exchange-size",
    en: ["Can I exchange for another size?", "Yes: start a return and choose an exchange.", "swap fit"],
    fr: [
      "Puis-je échanger contre une autre taille ?",
      "Oui : lancez un retour et choisissez un échange.",
      "échange taille",
    ],
  },
  {
    handle: "final-sale",
    en: [
      "Which items cannot be returned?",
      "Swimwear and jewellery marked **final sale**, and gift cards.",
      "final sale hygiene",
    ],
    fr: [
      "Quels articles ne peuvent pas être retournés ?",
      "Les maillots et bijoux en **vente définitive**, et les cartes cadeaux.",
      "vente définitive",
    ],
  },
];

/** Seeds the help centre when the shop has none yet (a fresh demo), then publishes it. */
export async function seedDemoHelpCentre(
  demo: Demo,
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
  if (await prisma.returnPolicy.findUnique({ where: { shop } })) return "kept";

  const { saveReturnPolicy } = await import("../app/features/policy/ReturnPolicy.server");
  const { saveArticle } = await import("../app/features/faq/Faq.server");
  const reasons = demo.emulator.adminApi.state.returnReasonDefinitions
    .filter((reason) => !reason.deleted)
    .map((reason) => ({
      id: `gid://shopify/ReturnReasonDefinition/${reason.id}`,
      handle: reason.handle,
      noteRequired: reason.handle === "other",
    }));
  const policy = await saveReturnPolicy(shop, {
    reasons,
    policyText: {
      en: "Return unworn items within **30 days** of delivery. Refunds go back to your original payment method within 5 business days of the parcel reaching us. Final-sale items and gift cards cannot be returned.",
      fr: "Retournez les articles non portés sous **30 jours** après la livraison. Le remboursement est effectué sur votre moyen de paiement sous 5 jours ouvrés après réception du colis. Les articles en vente définitive et les cartes cadeaux ne sont ni repris ni échangés.",
    },
  });
  if (!policy.ok) throw new Error(`Demo content: the return policy was refused: ${JSON.stringify(policy.fieldErrors)}`);

  const locales = [
    { locale: "en", primary: true },
    { locale: "fr", primary: false },
  ];
  for (const [position, article] of ARTICLES.entries()) {
    const translation = ([question, answerMarkdown, keywords]: [string, string, string]) => ({
      question,
      answerMarkdown,
      keywords,
    });
    const saved = await saveArticle(
      shop,
      null,
      {
        handle: article.handle,
        status: "published",
        categoryId: null,
        position: position + 1,
        translations: { en: translation(article.en), fr: translation(article.fr) },
      },
      locales,
    );
    if (!saved.ok) throw new Error(`Demo content: ${article.handle} was refused: ${JSON.stringify(saved.fieldErrors)}`);
  }

  await publishThroughApp(demo);
  return "seeded";
}

/**
 * Publishes to the storefront as the merchant does ("Publish again" on the FAQ page): the app's own action, with
 * the admin's session token. Returns how many FAQ articles the published English content holds.
 */
export async function publishThroughApp(demo: Demo): Promise<number> {
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
