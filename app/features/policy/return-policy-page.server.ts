import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { ReturnPolicyShop } from "../../shopify/graphql/ReturnPolicyShop";
import {
  getReturnPolicy,
  saveReturnPolicy,
  UnreadablePolicyError,
  defaultReturnPolicy,
  type PolicyFieldErrors,
  type ReturnPolicy,
} from "./ReturnPolicy.server";
import { callShopify, ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import { publishStorefrontSnapshot, type PublishResult } from "../publishing/publish-storefront-snapshot.server";
import { renderMarkdown } from "../../platform/render-markdown.server";
import { getShopLocales, type ShopLocale } from "../../shopify/shop-locales.server";
import { loadReturnReasons, type ReturnReason } from "../../shopify/return-reasons.server";

/** The return policy page's use cases: what it shows, and saving then publishing what the merchant wrote. */

export interface CollectionOption {
  id: string;
  title: string;
}

const COLLECTIONS_MAX = 250;

export interface PolicyPageData {
  /** What the form starts from: the saved policy, or the default one with every Shopify reason offered. */
  policy: ReturnPolicy;
  saved: boolean;
  reviewedAt: string | null;
  /** The stored policy could not be read: the form shows the default policy and the page says so. */
  unreadable: boolean;
  /** Saved reasons Shopify no longer offers (left out of the form: saving removes them). */
  withdrawnReasons: number;
  reasons: ReturnReason[];
  collections: CollectionOption[];
  /** The shop has more collections than the picker lists. */
  collectionsTruncated: boolean;
  currencyCode: string;
  /** The shop's timezone: return windows are counted in it, and dates are shown in it. */
  timezone: string;
  locales: ShopLocale[];
  /** The saved policy text of each locale as shoppers get it (sanitized HTML), for the preview. */
  previewHtml: Record<string, string>;
}

export type PolicyPageLoad = { ok: true; data: PolicyPageData } | { ok: false; shopifyUnavailable: true };

async function loadStoredPolicy(shop: string) {
  try {
    return { ...(await getReturnPolicy(shop)), unreadable: false };
  } catch (error) {
    if (!(error instanceof UnreadablePolicyError)) throw error;
    console.error(`[policy] ${error.message}`, error.cause);
    return { policy: defaultReturnPolicy(), saved: false, reviewedAt: null, updatedAt: null, unreadable: true };
  }
}

export async function loadReturnPolicyPage(admin: AdminApiContext, shop: string): Promise<PolicyPageLoad> {
  try {
    const [stored, reasons, shopResponse, locales] = await Promise.all([
      loadStoredPolicy(shop),
      loadReturnReasons(admin),
      callShopify(() => admin.graphql(ReturnPolicyShop, { variables: { first: COLLECTIONS_MAX } })),
      getShopLocales(admin),
    ]);
    const { data } = await shopResponse.json();
    const offered = new Set(reasons.map((reason) => reason.id));
    const policy = structuredClone(stored.policy);
    const savedReasons = policy.reasons.length;
    if (policy.reasons.length === 0) {
      // Never chosen: start from every reason Shopify offers; "Other" asks for a note so it is useful.
      policy.reasons = reasons.map((reason) => ({
        id: reason.id,
        handle: reason.handle,
        noteRequired: reason.handle === "other",
      }));
    } else {
      policy.reasons = policy.reasons.filter((reason) => offered.has(reason.id));
    }
    policy.autoApprove.reviewReasonIds = policy.autoApprove.reviewReasonIds.filter((id) => offered.has(id));
    const collections = [...(data?.collections.nodes ?? [])].sort((a, b) => a.title.localeCompare(b.title));
    return {
      ok: true,
      data: {
        policy,
        saved: stored.saved,
        reviewedAt: stored.reviewedAt?.toISOString() ?? null,
        unreadable: stored.unreadable,
        withdrawnReasons: savedReasons > 0 ? savedReasons - policy.reasons.length : 0,
        reasons,
        collections,
        collectionsTruncated: Boolean(data?.collections.pageInfo.hasNextPage),
        currencyCode: data?.shop.currencyCode ?? "USD",
        timezone: data?.shop.ianaTimezone ?? "UTC",
        locales,
        previewHtml: Object.fromEntries(
          Object.entries(policy.policyText).map(([locale, markdown]) => [locale, renderMarkdown(markdown)]),
        ),
      },
    };
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    console.warn(`[policy] ${shop}: ${error.message}`);
    return { ok: false, shopifyUnavailable: true };
  }
}

/** Publishes the storefront snapshot; the policy is saved whatever happens here, so nothing is thrown. */
export async function publishPolicy(admin: AdminApiContext, shop: string): Promise<PublishResult> {
  try {
    return await publishStorefrontSnapshot(admin, shop);
  } catch (error) {
    console.error(`[policy] publishing for ${shop} failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export type PolicySave =
  | { ok: true; reviewedAt: string; publish: PublishResult }
  | { ok: false; fieldErrors: PolicyFieldErrors }
  | { ok: false; shopifyUnavailable: true };

/**
 * Saves the policy the merchant wrote, checked against the reasons Shopify offers now, then publishes the
 * storefront snapshot (policy text and window). Nothing is saved when a field is invalid or when Shopify cannot
 * tell which reasons exist.
 */
export async function saveReturnPolicyPage(admin: AdminApiContext, shop: string, input: unknown): Promise<PolicySave> {
  let reasons: ReturnReason[];
  try {
    reasons = await loadReturnReasons(admin);
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    return { ok: false, shopifyUnavailable: true };
  }
  const saved = await saveReturnPolicy(shop, input, { offeredReasonIds: new Set(reasons.map((reason) => reason.id)) });
  if (!saved.ok) return saved;
  return { ok: true, reviewedAt: saved.reviewedAt.toISOString(), publish: await publishPolicy(admin, shop) };
}
