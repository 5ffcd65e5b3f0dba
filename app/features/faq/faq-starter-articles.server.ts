import prisma from "../../db.server";
import { isUniqueViolation } from "../../db-types.server";
import { parseTitles, upsertTranslation, type FaqLocale, type FaqTranslationInput } from "./Faq.server";

/**
 * A starter FAQ for a new shop: the questions shoppers ask most after buying, answered in plain words.
 * The facts only the merchant knows (days, fees, carriers, contact) are marked `[Review: …]`; the admin
 * lists them and an article holding one cannot be published, so every starter article is created as a
 * draft for the merchant to read, adjust and publish.
 */

type StarterLanguage = "en" | "fr";
type StarterCategoryKey = "returns" | "shipping" | "orders";

interface StarterArticle {
  handle: string;
  category: StarterCategoryKey;
  text: Record<StarterLanguage, FaqTranslationInput>;
}

const STARTER_CATEGORIES: Record<StarterCategoryKey, Record<StarterLanguage, string>> = {
  returns: { en: "Returns and refunds", fr: "Retours et remboursements" },
  shipping: { en: "Shipping and delivery", fr: "Livraison" },
  orders: { en: "Orders", fr: "Commandes" },
};

export const STARTER_ARTICLES: StarterArticle[] = [
  {
    handle: "how-do-i-return-an-item",
    category: "returns",
    text: {
      en: {
        question: "How do I return an item?",
        answerMarkdown: [
          "You can return most items within **[Review: 30] days** of delivery, as long as they are unused and in their original packaging.",
          "",
          "1. Open this help page and choose **Start a return** (sign in first so we can find your order).",
          "2. Pick the items and tell us why you are returning them.",
          "3. Pack the items and send them with the return label or instructions we email you.",
          "",
          "Return shipping is **[Review: free / a flat fee of $5 deducted from your refund]**.",
        ].join("\n"),
        keywords: "return send back returns policy how to return label",
      },
      fr: {
        question: "Comment retourner un article ?",
        answerMarkdown: [
          "Vous pouvez retourner la plupart des articles dans un délai de **[Review: 30] jours** après la livraison, s'ils sont inutilisés et dans leur emballage d'origine.",
          "",
          "1. Sur cette page d'aide, choisissez **Démarrer un retour** (connectez-vous pour que nous trouvions votre commande).",
          "2. Sélectionnez les articles et indiquez la raison du retour.",
          "3. Emballez les articles et envoyez-les avec l'étiquette ou les instructions reçues par e-mail.",
          "",
          "Les frais de retour sont **[Review: offerts / de 5 € déduits du remboursement]**.",
        ].join("\n"),
        keywords: "retour renvoyer retourner politique de retour étiquette",
      },
    },
  },
  {
    handle: "when-will-i-get-my-refund",
    category: "returns",
    text: {
      en: {
        question: "When will I get my refund?",
        answerMarkdown: [
          "We refund you within **[Review: 5] business days** of receiving and checking your return, to the original payment method.",
          "",
          "Your bank may take a few more days to show the money on your statement. We email you as soon as the refund is issued.",
        ].join("\n"),
        keywords: "refund money back reimbursement how long refund status",
      },
      fr: {
        question: "Quand serai-je remboursé ?",
        answerMarkdown: [
          "Nous vous remboursons sous **[Review: 5] jours ouvrés** après réception et vérification de votre retour, sur le moyen de paiement d'origine.",
          "",
          "Votre banque peut mettre quelques jours de plus à afficher le montant. Nous vous envoyons un e-mail dès que le remboursement est émis.",
        ].join("\n"),
        keywords: "remboursement rembourser argent délai",
      },
    },
  },
  {
    handle: "can-i-exchange-an-item",
    category: "returns",
    text: {
      en: {
        question: "Can I exchange an item for another size or color?",
        answerMarkdown: [
          "Yes. Start a return and choose **Exchange** as your preference, then tell us the size or color you want.",
          "",
          "We ship the replacement as soon as your return is on its way **[Review: or once we receive it]**. If the new item costs more or less, we charge or refund the difference.",
        ].join("\n"),
        keywords: "exchange swap size color colour replace wrong size",
      },
      fr: {
        question: "Puis-je échanger un article contre une autre taille ou couleur ?",
        answerMarkdown: [
          "Oui. Démarrez un retour, choisissez **Échange** et indiquez la taille ou la couleur souhaitée.",
          "",
          "Nous expédions le nouvel article dès que votre retour est en route **[Review: ou dès sa réception]**. Si le prix diffère, nous facturons ou remboursons la différence.",
        ].join("\n"),
        keywords: "échange échanger taille couleur remplacer",
      },
    },
  },
  {
    handle: "how-long-does-shipping-take",
    category: "shipping",
    text: {
      en: {
        question: "How long does shipping take?",
        answerMarkdown: [
          "We prepare orders within **[Review: 1–2] business days**. Delivery then usually takes:",
          "",
          "- Standard: **[Review: 3–5] business days**",
          "- Express: **[Review: 1–2] business days**",
          "",
          "As soon as your order ships, we email you a tracking link. You can also track it on this page with your order number.",
        ].join("\n"),
        keywords: "shipping delivery time how long when arrive track tracking",
      },
      fr: {
        question: "Quel est le délai de livraison ?",
        answerMarkdown: [
          "Nous préparons les commandes sous **[Review: 1 à 2] jours ouvrés**. La livraison prend ensuite en général :",
          "",
          "- Standard : **[Review: 3 à 5] jours ouvrés**",
          "- Express : **[Review: 1 à 2] jours ouvrés**",
          "",
          "Dès l'expédition, nous vous envoyons un lien de suivi par e-mail. Vous pouvez aussi suivre votre colis sur cette page avec votre numéro de commande.",
        ].join("\n"),
        keywords: "livraison délai expédition suivi quand",
      },
    },
  },
  {
    handle: "do-you-ship-internationally",
    category: "shipping",
    text: {
      en: {
        question: "Do you ship internationally?",
        answerMarkdown: [
          "Yes, we ship to **[Review: the countries you ship to]**. International delivery usually takes **[Review: 7–14] business days**.",
          "",
          "Import duties and taxes **[Review: are included in the price at checkout / are charged by the carrier on delivery]**.",
        ].join("\n"),
        keywords: "international abroad overseas countries customs duties taxes worldwide",
      },
      fr: {
        question: "Livrez-vous à l'international ?",
        answerMarkdown: [
          "Oui, nous livrons **[Review: les pays desservis]**. La livraison internationale prend en général **[Review: 7 à 14] jours ouvrés**.",
          "",
          "Les droits de douane et taxes **[Review: sont inclus au paiement / sont facturés par le transporteur à la livraison]**.",
        ].join("\n"),
        keywords: "international étranger pays douane taxes",
      },
    },
  },
  {
    handle: "can-i-change-or-cancel-my-order",
    category: "orders",
    text: {
      en: {
        question: "Can I change or cancel my order?",
        answerMarkdown: [
          "We can change the address or items, or cancel the order, until it ships, usually **[Review: within 2 hours]** of ordering.",
          "",
          "Contact us as soon as possible with your order number. Once an order has shipped, you can return it instead.",
        ].join("\n"),
        keywords: "cancel change modify address edit order mistake",
      },
      fr: {
        question: "Puis-je modifier ou annuler ma commande ?",
        answerMarkdown: [
          "Nous pouvons modifier l'adresse ou les articles, ou annuler la commande, tant qu'elle n'est pas expédiée, en général **[Review: dans les 2 heures]** suivant la commande.",
          "",
          "Contactez-nous au plus vite avec votre numéro de commande. Une fois la commande expédiée, vous pouvez la retourner.",
        ].join("\n"),
        keywords: "annuler modifier changer adresse commande erreur",
      },
    },
  },
  {
    handle: "my-parcel-has-not-arrived",
    category: "shipping",
    text: {
      en: {
        question: "My parcel hasn't arrived. What should I do?",
        answerMarkdown: [
          "First, check the tracking on this page: it shows where your parcel is and when the carrier expects to deliver it.",
          "",
          "- If it says **delivered**, look around your door, with neighbours and at your building's reception.",
          "- If it has not moved for **[Review: 5] business days**, or shows delivered but you cannot find it, contact us with your order number. We will open a claim with **[Review: your carriers]** and send a replacement or a refund.",
        ].join("\n"),
        keywords: "lost missing parcel package not arrived stolen late where is my order",
      },
      fr: {
        question: "Mon colis n'est pas arrivé. Que faire ?",
        answerMarkdown: [
          "Vérifiez d'abord le suivi sur cette page : il indique où se trouve votre colis et quand le transporteur prévoit de le livrer.",
          "",
          "- S'il est indiqué **livré**, regardez près de votre porte, chez vos voisins et à l'accueil de votre immeuble.",
          "- S'il n'a pas bougé depuis **[Review: 5] jours ouvrés**, ou s'il est indiqué livré mais introuvable, contactez-nous avec votre numéro de commande. Nous ouvrirons une réclamation auprès de **[Review: vos transporteurs]** et enverrons un remplacement ou un remboursement.",
        ].join("\n"),
        keywords: "perdu colis non reçu volé retard où est ma commande",
      },
    },
  },
  {
    handle: "final-sale-items",
    category: "returns",
    text: {
      en: {
        question: "Can I return sale or final-sale items?",
        answerMarkdown: [
          "Items marked **Final sale** on the product page cannot be returned or exchanged, unless they arrive damaged or faulty.",
          "",
          "Final sale includes **[Review: clearance items, gift cards, personalised items and underwear]**. Other discounted items follow our usual return policy.",
        ].join("\n"),
        keywords: "final sale clearance discount non-returnable exception",
      },
      fr: {
        question: "Puis-je retourner un article soldé ou en vente finale ?",
        answerMarkdown: [
          "Les articles indiqués **Vente finale** sur la fiche produit ne sont ni repris ni échangés, sauf s'ils arrivent endommagés ou défectueux.",
          "",
          "La vente finale comprend **[Review: les articles déstockés, les cartes cadeaux, les articles personnalisés et la lingerie]**. Les autres articles en promotion suivent notre politique de retour habituelle.",
        ].join("\n"),
        keywords: "vente finale soldes promotion non remboursable",
      },
    },
  },
  {
    handle: "returning-a-gift",
    category: "returns",
    text: {
      en: {
        question: "Can I return a gift?",
        answerMarkdown: [
          "Yes. Contact us with the order number (on the packing slip or ask the person who gave it to you) and the item you want to return.",
          "",
          "Gift returns are refunded as **[Review: store credit]** to you, and the person who ordered it is not told.",
        ].join("\n"),
        keywords: "gift present return gift receipt store credit",
      },
      fr: {
        question: "Puis-je retourner un cadeau ?",
        answerMarkdown: [
          "Oui. Contactez-nous avec le numéro de commande (sur le bon de livraison, ou demandez-le à la personne qui vous l'a offert) et l'article à retourner.",
          "",
          "Le retour d'un cadeau vous est remboursé en **[Review: avoir]**, sans que la personne qui l'a commandé en soit informée.",
        ].join("\n"),
        keywords: "cadeau retour avoir offrir",
      },
    },
  },
];

function starterLanguage(locale: string): StarterLanguage | null {
  const language = locale.toLowerCase().split("-")[0];
  return language === "en" || language === "fr" ? language : null;
}

/**
 * The starter text for each shop locale we have it in. The primary locale always gets text (English when
 * we have none in its language) because an article needs it; the merchant translates from there.
 */
function starterLocales(locales: FaqLocale[]): { locale: string; language: StarterLanguage }[] {
  return locales.flatMap((locale) => {
    const language = starterLanguage(locale.locale) ?? (locale.primary ? "en" : null);
    return language ? [{ locale: locale.locale, language }] : [];
  });
}

export interface StarterResult {
  created: number;
  /** Starter articles already in the shop (by handle), left as the merchant edited them. */
  skipped: number;
}

/**
 * Adds the starter articles the shop does not have yet (by handle), as drafts, with their categories. Safe to
 * run twice or concurrently: an existing handle is skipped, never duplicated or overwritten.
 */
export async function addStarterArticles(
  shop: string,
  locales: FaqLocale[],
  db: typeof prisma = prisma,
): Promise<StarterResult> {
  const targets = starterLocales(locales);
  if (targets.length === 0) return { created: 0, skipped: STARTER_ARTICLES.length };
  const existing = new Set(
    (
      await db.faqArticle.findMany({
        where: { shop, handle: { in: STARTER_ARTICLES.map((article) => article.handle) } },
        select: { handle: true },
      })
    ).map((article) => article.handle),
  );
  const missing = STARTER_ARTICLES.filter((article) => !existing.has(article.handle));
  let created = 0;
  const categoryIds = new Map<StarterCategoryKey, string>();
  const lastPosition = await db.faqArticle.findFirst({
    where: { shop },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  let position = lastPosition ? lastPosition.position + 1 : 0;

  for (const starter of missing) {
    try {
      await db.$transaction(async (tx) => {
        let categoryId = categoryIds.get(starter.category);
        if (!categoryId) {
          categoryId = await findOrCreateCategory(shop, STARTER_CATEGORIES[starter.category], targets, tx);
          categoryIds.set(starter.category, categoryId);
        }
        const article = await tx.faqArticle.create({
          data: { shop, handle: starter.handle, status: "draft", position, categoryId },
        });
        for (const { locale, language } of targets) {
          await upsertTranslation({ shop, articleId: article.id, locale, translation: starter.text[language] }, tx);
        }
      });
      created++;
      position++;
    } catch (error) {
      // Another request added this starter article a moment ago.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { created, skipped: STARTER_ARTICLES.length - created };
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** Reuses a category the merchant already has with the same title (any locale), or creates it last. */
async function findOrCreateCategory(
  shop: string,
  titles: Record<StarterLanguage, string>,
  targets: { locale: string; language: StarterLanguage }[],
  tx: Tx,
): Promise<string> {
  const wanted = new Set(Object.values(titles).map((title) => title.toLowerCase()));
  const categories = await tx.faqCategory.findMany({ where: { shop }, orderBy: { position: "asc" } });
  const match = categories.find((category) =>
    Object.values(parseTitles(category.titles)).some((title) => wanted.has(title.toLowerCase())),
  );
  if (match) return match.id;
  const localized = Object.fromEntries(targets.map(({ locale, language }) => [locale, titles[language]]));
  const last = categories.at(-1);
  const category = await tx.faqCategory.create({
    data: { shop, position: last ? last.position + 1 : 0, titles: JSON.stringify(localized) },
  });
  return category.id;
}
