import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { env } from "../../env.server";
import { isBrandingSaved } from "../branding/Branding.server";
import { detectThemeBlock, PORTAL_BLOCK_HANDLE, type ThemeBlockStatus } from "./detect-theme-block.server";

/**
 * The home page's setup checklist, read from what is true now (never from a "done" flag the merchant ticks):
 * the return policy reviewed, at least one FAQ article published, branding saved, and the portal block live
 * in the published theme.
 */

export type ChecklistItemId = "policy" | "faq" | "branding" | "block";

export interface ChecklistItem {
  id: ChecklistItemId;
  /** null: could not be checked right now (Shopify unavailable). */
  done: boolean | null;
  /** Where to fix it: an app path, or the theme editor. */
  href: string;
  /** Opens outside the app (the theme editor), in the top window. */
  external: boolean;
}

export interface SetupChecklist {
  items: ChecklistItem[];
  doneCount: number;
  total: number;
  theme: ThemeBlockStatus;
}

/**
 * The theme editor, opened on a page template with the portal block ready to add in a new Apps section
 * (Shopify's deep link for app blocks: `addAppBlockId=<api key>/<block handle>`).
 */
export function themeEditorDeepLink(shop: string, apiKey: string = env.SHOPIFY_API_KEY): string {
  const store = shop.replace(/\.myshopify\.com$/, "");
  const query = new URLSearchParams({
    template: "page",
    addAppBlockId: `${apiKey}/${PORTAL_BLOCK_HANDLE}`,
    target: "newAppsSection",
  });
  return `https://admin.shopify.com/store/${encodeURIComponent(store)}/themes/current/editor?${query}`;
}

/** The database half of the checklist, which needs no call to Shopify. */
export async function readSetupProgress(shop: string, db: Db = prisma) {
  const [policy, publishedArticles, brandingSaved] = await Promise.all([
    db.returnPolicy.findUnique({ where: { shop }, select: { reviewedAt: true } }),
    db.faqArticle.count({ where: { shop, status: "published" } }),
    isBrandingSaved(shop, db),
  ]);
  return { policyReviewed: Boolean(policy?.reviewedAt), faqPublished: publishedArticles > 0, brandingSaved };
}

export async function getSetupChecklist(
  admin: AdminApiContext,
  shop: string,
  db: Db = prisma,
): Promise<SetupChecklist> {
  const [progress, theme] = await Promise.all([readSetupProgress(shop, db), detectThemeBlock(admin)]);
  const items: ChecklistItem[] = [
    { id: "policy", done: progress.policyReviewed, href: "/app/policy", external: false },
    { id: "faq", done: progress.faqPublished, href: "/app/faq", external: false },
    { id: "branding", done: progress.brandingSaved, href: "/app/branding", external: false },
    {
      id: "block",
      done: theme.state === "unknown" ? null : theme.state === "active",
      href: themeEditorDeepLink(shop),
      external: true,
    },
  ];
  return { items, doneCount: items.filter((item) => item.done === true).length, total: items.length, theme };
}
