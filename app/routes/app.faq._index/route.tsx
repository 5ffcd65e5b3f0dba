import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Text } from "@shopify/polaris";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { useEffect, useState } from "react";

import { AdminPage } from "../../components/AdminPage";
import { FaqLocalesBanner } from "../../components/FaqLocalesBanner";
import { useJsonSubmit } from "../../components/form";
import { PublishOutcomeBanner } from "../../components/Publishing";
import {
  categoryTitle,
  countArticles,
  countArticlesNeedingReview,
  deleteArticles,
  listArticles,
  listCategories,
  listFiltersSchema,
  moveArticle,
  setArticlesStatus,
} from "../../features/faq/Faq.server";
import { addStarterArticles } from "../../features/faq/faq-starter-articles.server";
import { loadFaqLocales } from "../../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../../features/publishing/publish-storefront-snapshot.server";
import { adminText } from "../../i18n";
import { readAdminForm } from "../../platform/admin-form.server";
import { authenticate } from "../../shopify.server";
import { ArticleFilters } from "./components/ArticleFilters";
import { ArticleTable } from "./components/ArticleTable";
import { EmptyFaq } from "./components/EmptyFaq";
import { ReviewBanner } from "./components/ReviewBanner";
import { isFiltered, listActionToast, withFilter, withPage, type FilterKey } from "./faq-list";
import { listActionSchema, type ListAction } from "./schema.server";

const text = adminText.faq;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const filters = listFiltersSchema.parse(Object.fromEntries(params));
  const { locales, shopifyUnavailable } = await loadFaqLocales(admin, session.shop);
  const [list, categories, totalArticles, reviewCount] = await Promise.all([
    listArticles(session.shop, filters, locales),
    listCategories(session.shop),
    countArticles(session.shop),
    countArticlesNeedingReview(session.shop),
  ]);
  const primary = locales[0]?.locale ?? "en";
  return {
    filters,
    list,
    locales,
    shopifyUnavailable,
    totalArticles,
    reviewCount,
    categories: categories.map((category) => ({ id: category.id, title: categoryTitle(category.titles, primary) })),
  };
};

/** How many articles the action changed, and how many stayed drafts because they still hold placeholders. */
async function applyListAction(input: ListAction, admin: AdminApiContext, shop: string) {
  switch (input.intent) {
    case "publish":
    case "unpublish": {
      const status = await setArticlesStatus(shop, input.ids, input.intent === "publish" ? "published" : "draft");
      return { count: status.changed, needsReview: status.needsReview };
    }
    case "delete":
      return { count: await deleteArticles(shop, input.ids), needsReview: 0 };
    case "move":
      return { count: (await moveArticle(shop, input.id, input.direction)) ? 1 : 0, needsReview: 0 };
    case "starter": {
      const { locales } = await loadFaqLocales(admin, shop);
      return { count: (await addStarterArticles(shop, locales)).created, needsReview: 0 };
    }
    case "republish":
      return { count: 0, needsReview: 0 };
  }
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = listActionSchema.safeParse(await readAdminForm(request));
  if (!parsed.success) return { ok: false as const, error: "invalid" as const };
  const input = parsed.data;
  const { count, needsReview } = await applyListAction(input, admin, session.shop);
  // Null when nothing changed, so there was nothing to publish.
  const publish =
    count > 0 || input.intent === "republish" ? await publishStorefrontSnapshot(admin, session.shop) : null;
  return {
    ok: true as const,
    intent: input.intent,
    count,
    needsReview,
    publish,
    toast: listActionToast(input.intent, count),
  };
};

export default function FaqList() {
  const { filters, list, locales, shopifyUnavailable, totalArticles, reviewCount, categories } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const submit = useJsonSubmit();
  const location = useLocation();
  // After a delete on the article page, its publish result arrives with the navigation.
  const publish = answer?.ok ? answer.publish : (location.state as { publish?: PublishResult } | null)?.publish;
  const [query, setQuery] = useState(filters.query);
  const busy = navigation.state !== "idle";

  // Search as the merchant types, without a request per keystroke.
  useEffect(() => {
    if (query === filters.query) return;
    const timer = setTimeout(() => setFilter("query", query), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the typed query alone restarts the pause
  }, [query]);

  function setFilter(key: FilterKey, value: string) {
    setSearchParams(withFilter(searchParams, key, value), { replace: true, preventScrollReset: true });
  }

  const filtered = isFiltered(filters);
  const pageActions = {
    primaryAction: { content: text.actions.addArticle, url: "/app/faq/new" },
    secondaryActions: [
      { content: text.actions.categories, url: "/app/faq/categories" },
      { content: text.actions.importExport, url: "/app/faq/import" },
    ],
  };
  const banners = (
    <>
      <FaqLocalesBanner show={shopifyUnavailable} />
      <PublishOutcomeBanner publish={publish} />
    </>
  );

  if (totalArticles === 0) {
    const addingStarter = busy && (navigation.json as { intent?: string } | undefined)?.intent === "starter";
    return (
      <AdminPage title={text.title} {...pageActions}>
        <BlockStack gap="400">
          {banners}
          <EmptyFaq addingStarter={addingStarter} onAddStarter={() => submit({ intent: "starter" })} />
        </BlockStack>
      </AdminPage>
    );
  }

  return (
    <AdminPage title={text.title} {...pageActions}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {banners}
            {answer && !answer.ok ? (
              <Banner tone="critical">
                <p>{text.fieldErrors.invalidRequest}</p>
              </Banner>
            ) : null}
            <ReviewBanner
              skipped={answer?.ok ? answer.needsReview : 0}
              waiting={reviewCount}
              onShowDrafts={filters.status !== "draft" ? () => setFilter("status", "draft") : undefined}
            />
            <Card padding="0">
              <ArticleFilters
                filters={filters}
                categories={categories}
                locales={locales}
                query={query}
                onQueryChange={setQuery}
                onFilter={setFilter}
                onClearAll={() => {
                  setQuery("");
                  setSearchParams(new URLSearchParams(), { replace: true });
                }}
              />
              <ArticleTable
                list={list}
                locales={locales}
                canReorder={!filtered}
                busy={busy}
                lastChange={answer?.ok ? answer : null}
                onBulk={(intent, ids) => submit({ intent, ids })}
                onMove={(id, direction) => submit({ intent: "move", id, direction })}
                onPage={(page) => setSearchParams(withPage(searchParams, page), { preventScrollReset: true })}
              />
            </Card>
            {filtered ? (
              <Text as="p" tone="subdued">
                {text.list.orderHint}
              </Text>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
