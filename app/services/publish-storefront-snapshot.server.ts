import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

export type PublishResult = { ok: true; publishedAt: string } | { ok: false; error: string };

/**
 * Publishes what shoppers see (policy text, published FAQ, branding) to the app-data metafields the theme
 * block reads (docs/storefront-snapshot.md). Call it after every save that changes the storefront; it never
 * throws for Shopify or size problems, it reports them.
 */
export async function publishStorefrontSnapshot(_admin: AdminApiContext, _shop: string): Promise<PublishResult> {
  return { ok: false, error: "Publishing to the storefront is being built (branding and publishing task)." };
}
