import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { GraphqlQueryError } from "@shopify/shopify-api";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { StorefrontSnapshotDelete } from "../../shopify/graphql/StorefrontSnapshotDelete";
import { StorefrontSnapshotSet } from "../../shopify/graphql/StorefrontSnapshotSet";
import { StorefrontSnapshotTarget } from "../../shopify/graphql/StorefrontSnapshotTarget";
import { adminText, format } from "../../i18n";
import {
  buildStorefrontSnapshot,
  CONTENT_KEY_PREFIX,
  findSnapshotLimitProblem,
  SNAPSHOT_NAMESPACE,
  type SnapshotLimitProblem,
  type SnapshotLocale,
} from "./build-storefront-snapshot.server";
import { callShopify, ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import { getShopLocales } from "../../shopify/shop-locales.server";

export type PublishResult =
  | {
      ok: true;
      publishedAt: string;
      /** The storefront already showed exactly this snapshot, so nothing was sent. */
      unchanged?: boolean;
    }
  | { ok: false; error: string };

export interface PublishOptions {
  db?: Db;
}

const text = adminText.branding.publish;

/**
 * Publishes what shoppers see (policy text, published FAQ, branding) to the app-data metafields the theme
 * block reads (docs/storefront-snapshot.md). Call it after every save that changes the storefront; it never
 * throws for Shopify or size problems, it reports them in words a merchant can act on, and records the
 * outcome in PublishState.
 *
 * All or nothing: every value goes in one `metafieldsSet` call (Shopify applies it atomically) and nothing is
 * sent when any value is over Shopify's size limit, so shoppers see either the previous snapshot or the new
 * one, never half of each. A snapshot identical to the live one is not sent again.
 */
export async function publishStorefrontSnapshot(
  admin: AdminApiContext,
  shop: string,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const db = options.db ?? prisma;
  try {
    const shopLocales = await getShopLocales(admin);
    const locales: SnapshotLocale[] =
      shopLocales.length > 0 ? shopLocales : [{ locale: "en", name: "English", primary: true }];
    const snapshot = await buildStorefrontSnapshot(shop, locales, { db });

    const problem = findSnapshotLimitProblem(snapshot);
    if (problem) return await recordFailure(shop, limitMessage(problem, locales), db);

    const targetResponse = await callShopify(() =>
      admin.graphql(StorefrontSnapshotTarget, { variables: { namespace: SNAPSHOT_NAMESPACE } }),
    );
    const installation = (await targetResponse.json()).data?.currentAppInstallation;
    if (!installation) return await recordFailure(shop, format(text.rejected, { details: "no app installation" }), db);

    const state = await db.publishState.findUnique({ where: { shop } });
    if (state?.snapshotHash === snapshot.hash && liveHash(installation.portal?.value) === snapshot.hash) {
      const publishedAt = state.publishedAt ?? new Date();
      if (state.status !== "published" || state.error !== null) {
        await db.publishState.update({ where: { shop }, data: { status: "published", error: null, publishedAt } });
      }
      return { ok: true, publishedAt: publishedAt.toISOString(), unchanged: true };
    }

    const setResponse = await callShopify(() =>
      admin.graphql(StorefrontSnapshotSet, {
        variables: {
          metafields: snapshot.values.map((value) => ({
            ownerId: installation.id,
            namespace: SNAPSHOT_NAMESPACE,
            key: value.key,
            type: "json",
            value: value.value,
          })),
        },
      }),
    );
    const userErrors = (await setResponse.json()).data?.metafieldsSet?.userErrors ?? [];
    if (userErrors.length > 0) {
      const details = userErrors
        .map((error) => {
          const index = error.elementIndex ?? Number(error.field?.[1]);
          const key = Number.isInteger(index) ? snapshot.values[index]?.key : undefined;
          return key ? `${key}: ${error.message}` : error.message;
        })
        .join("; ");
      return await recordFailure(shop, format(text.rejected, { details }), db);
    }

    const publishedAt = new Date();
    await db.publishState.upsert({
      where: { shop },
      create: { shop, status: "published", publishedAt, snapshotHash: snapshot.hash, error: null },
      update: { status: "published", publishedAt, snapshotHash: snapshot.hash, error: null },
    });

    const publishedKeys = new Set(snapshot.values.map((value) => value.key));
    const staleKeys = installation.metafields.nodes
      .map((node) => node.key)
      .filter((key) => key.startsWith(CONTENT_KEY_PREFIX) && !publishedKeys.has(key));
    if (staleKeys.length > 0) await deleteStaleLocales({ admin, shop, ownerId: installation.id, keys: staleKeys });

    return { ok: true, publishedAt: publishedAt.toISOString() };
  } catch (error) {
    if (error instanceof ShopifyUnavailableError) return recordFailure(shop, text.shopifyUnavailable, db);
    if (error instanceof GraphqlQueryError) {
      console.error(`[publish] ${shop}: Shopify refused the request: ${error.message}`);
      return recordFailure(shop, format(text.rejected, { details: error.message }), db);
    }
    throw error;
  }
}

/**
 * Content of a locale the shop no longer publishes. Removing it is tidying, not publishing: the block never
 * asks for a locale the shop does not serve, so a failure here is logged and the publish stands.
 */
async function deleteStaleLocales({
  admin,
  shop,
  ownerId,
  keys,
}: {
  admin: AdminApiContext;
  shop: string;
  ownerId: string;
  keys: string[];
}) {
  try {
    const response = await callShopify(() =>
      admin.graphql(StorefrontSnapshotDelete, {
        variables: { metafields: keys.map((key) => ({ ownerId, namespace: SNAPSHOT_NAMESPACE, key })) },
      }),
    );
    const userErrors = (await response.json()).data?.metafieldsDelete?.userErrors ?? [];
    if (userErrors.length > 0) {
      console.warn(`[publish] ${shop}: stale locales not deleted: ${userErrors.map((e) => e.message).join("; ")}`);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    console.warn(`[publish] ${shop}: stale locales not deleted: ${(error as Error).message}`);
  }
}

function liveHash(portalValue: string | null | undefined): string | null {
  if (!portalValue) return null;
  try {
    const parsed = JSON.parse(portalValue) as { hash?: unknown };
    return typeof parsed.hash === "string" ? parsed.hash : null;
  } catch {
    return null;
  }
}

const kilobytes = (bytes: number) => (Math.ceil((bytes / 1024) * 10) / 10).toFixed(1);

function limitMessage(problem: SnapshotLimitProblem, locales: SnapshotLocale[]): string {
  if (problem.kind === "tooManyLocales") {
    return format(text.tooManyLocales, { count: problem.count, max: problem.maxLocales });
  }
  const max = problem.maxBytes / 1024;
  const settings = problem.over.find((value) => value.locale === null);
  if (settings) return format(text.settingsTooLarge, { size: kilobytes(settings.bytes), max });
  const list = new Intl.ListFormat("en", { type: "conjunction" }).format(
    problem.over.map((value) => {
      const language = locales.find((locale) => locale.locale === value.locale)?.name ?? value.locale;
      return `${language} (${kilobytes(value.bytes)} KB)`;
    }),
  );
  return format(text.tooLarge, { list, max });
}

/** The previous snapshot stays live: only the status and the reason change. */
async function recordFailure(shop: string, error: string, db: Db): Promise<PublishResult> {
  await db.publishState.upsert({
    where: { shop },
    create: { shop, status: "failed", error },
    update: { status: "failed", error },
  });
  return { ok: false, error };
}

export interface PublishStatus {
  status: "never" | "published" | "failed";
  publishedAt: string | null;
  error: string | null;
}

/** The last publish, for the branding and home pages. */
export async function getPublishStatus(shop: string, db: Db = prisma): Promise<PublishStatus> {
  const state = await db.publishState.findUnique({ where: { shop } });
  if (!state) return { status: "never", publishedAt: null, error: null };
  const status = state.status === "published" || state.status === "failed" ? state.status : "never";
  return { status, publishedAt: state.publishedAt?.toISOString() ?? null, error: state.error };
}

export async function deleteShopPublishState(shop: string, db: Db): Promise<number> {
  return (await db.publishState.deleteMany({ where: { shop } })).count;
}
