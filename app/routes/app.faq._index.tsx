import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  useActionData,
  useFetcher,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineStack,
  Layout,
  Link,
  Modal,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";

import { AdminPage } from "../components/AdminPage";
import { RetryBanner } from "../components/RetryBanner";
import { adminText, format } from "../i18n";
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
} from "../features/faq/Faq.server";
import { addStarterArticles } from "../features/faq/faq-starter-articles.server";
import { loadFaqLocales } from "../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../features/publishing/publish-storefront-snapshot.server";
import { authenticate } from "../shopify.server";

const text = adminText.faq;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const filters = listFiltersSchema.parse({
    query: params.get("query") ?? undefined,
    status: params.get("status") ?? undefined,
    category: params.get("category") ?? undefined,
    missingLocale: params.get("missingLocale") ?? undefined,
    page: params.get("page") ?? undefined,
  });
  const { locales, shopifyUnavailable } = await loadFaqLocales(admin, session.shop);
  const [list, categories, totalArticles, needsReview] = await Promise.all([
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
    reviewCount: needsReview,
    categories: categories.map((category) => ({ id: category.id, title: categoryTitle(category.titles, primary) })),
  };
};

const idsSchema = z.array(z.string().min(1).max(64)).min(1).max(250);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["publish", "unpublish", "delete"]), ids: idsSchema }),
  z.object({ intent: z.literal("move"), id: z.string().min(1).max(64), direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("starter") }),
  z.object({ intent: z.literal("republish") }),
]);

export type FaqListActionData =
  | { ok: false; error: string }
  | {
      ok: true;
      intent: z.infer<typeof actionSchema>["intent"];
      count: number;
      needsReview: number;
      /** Null when nothing changed, so there was nothing to publish. */
      publish: PublishResult | null;
    };

export const action = async ({ request }: ActionFunctionArgs): Promise<FaqListActionData> => {
  const { admin, session } = await authenticate.admin(request);
  const form = await request.formData();
  const parsed = actionSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("ids"),
    id: form.get("id") ?? undefined,
    direction: form.get("direction") ?? undefined,
  });
  if (!parsed.success) return { ok: false, error: "invalid" };
  const input = parsed.data;
  let count = 0;
  let needsReview = 0;
  if (input.intent === "publish" || input.intent === "unpublish") {
    const change = await setArticlesStatus(session.shop, input.ids, input.intent === "publish" ? "published" : "draft");
    count = change.changed;
    needsReview = change.needsReview;
  } else if (input.intent === "delete") {
    count = await deleteArticles(session.shop, input.ids);
  } else if (input.intent === "move") {
    count = (await moveArticle(session.shop, input.id, input.direction)) ? 1 : 0;
  } else if (input.intent === "starter") {
    const { locales } = await loadFaqLocales(admin, session.shop);
    count = (await addStarterArticles(session.shop, locales)).created;
  }
  const changed = count > 0 || input.intent === "republish";
  const publish = changed ? await publishStorefrontSnapshot(admin, session.shop) : null;
  return { ok: true, intent: input.intent, count, needsReview, publish };
};

/** A message with a singular and a plural form, filled with the count (and any other values). */
export function formatCount(
  message: { one: string; other: string },
  count: number,
  values: Record<string, string | number> = {},
): string {
  return format(count === 1 ? message.one : message.other, { ...values, count });
}

/** The outcome of publishing after a change: the content is saved either way; a failure says why. */
export function FaqPublishBanner({ publish }: { publish: PublishResult | null | undefined }) {
  const fetcher = useFetcher<FaqListActionData>();
  const retried = fetcher.data?.ok ? fetcher.data.publish : null;
  const result = retried ?? publish;
  if (!result || result.ok) return null;
  return (
    <Banner
      tone="warning"
      title={text.publish.failedTitle}
      action={{
        content: text.publish.retry,
        loading: fetcher.state !== "idle",
        onAction: () => fetcher.submit({ intent: "republish" }, { method: "post", action: "/app/faq?index" }),
      }}
    >
      <p>{format(text.publish.failedBody, { error: result.error })}</p>
    </Banner>
  );
}

/** Shopify could not tell the shop's languages: say so, with a retry. */
export function FaqLocalesBanner({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <RetryBanner title={text.unavailable.title} retryLabel={text.unavailable.retry}>
      <p>{text.unavailable.body}</p>
    </RetryBanner>
  );
}

const EMPTY_IMAGE =
  "data:image/svg+xml;charset=utf-8," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226"><circle cx="113" cy="113" r="100" fill="#e3f1df"/><rect x="63" y="70" width="100" height="18" rx="9" fill="#1f4d3a"/><rect x="63" y="102" width="80" height="12" rx="6" fill="#8bbd8b"/><rect x="63" y="126" width="90" height="12" rx="6" fill="#8bbd8b"/><rect x="63" y="150" width="60" height="12" rx="6" fill="#8bbd8b"/></svg>',
  );

function languageName(locales: { locale: string; name: string }[], code: string) {
  return locales.find((locale) => locale.locale === code)?.name ?? code;
}

export default function FaqList() {
  const { filters, list, locales, shopifyUnavailable, totalArticles, reviewCount, categories } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const location = useLocation();
  // After a delete on the article page, its publish result arrives with the navigation.
  const publish = actionData?.ok ? actionData.publish : (location.state as { publish?: PublishResult } | null)?.publish;
  const [query, setQuery] = useState(filters.query);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const items = list.items;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(items);
  const busy = navigation.state !== "idle";

  useEffect(() => {
    if (!actionData?.ok) return;
    const messages = {
      publish: text.list.publishedToast,
      unpublish: text.list.unpublishedToast,
      delete: text.list.deletedToast,
      starter: text.list.starterAdded,
    } as const;
    if (actionData.intent === "move") shopify.toast.show(text.list.movedToast);
    else if (actionData.intent === "starter" && actionData.count === 0) shopify.toast.show(text.list.starterNone);
    else if (actionData.intent !== "republish" && actionData.count > 0) {
      shopify.toast.show(formatCount(messages[actionData.intent], actionData.count));
    }
    clearSelection();
    // Only a new action result should toast; clearSelection is stable enough for this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actionData]);

  // Search as the merchant types, without a request per keystroke.
  useEffect(() => {
    if (query === filters.query) return;
    const timer = setTimeout(() => setFilter("query", query), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(searchParams);
    if (value && value !== "all") next.set(key, value);
    else next.delete(key);
    next.delete("page");
    setSearchParams(next, { replace: true, preventScrollReset: true });
  }
  function goToPage(page: number) {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    setSearchParams(next, { preventScrollReset: true });
  }
  function bulk(intent: "publish" | "unpublish" | "delete") {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of selectedResources) form.append("ids", id);
    submit(form, { method: "post" });
  }
  function move(id: string, direction: "up" | "down") {
    submit({ intent: "move", id, direction }, { method: "post" });
  }

  const filtered =
    filters.query !== "" || filters.status !== "all" || filters.category !== "all" || filters.missingLocale !== "";
  const secondaryLocales = locales.filter((locale) => !locale.primary);
  const pageActions = {
    primaryAction: { content: text.actions.addArticle, url: "/app/faq/new" },
    secondaryActions: [
      { content: text.actions.categories, url: "/app/faq/categories" },
      { content: text.actions.importExport, url: "/app/faq/import" },
    ],
  };

  if (totalArticles === 0) {
    return (
      <AdminPage title={text.title} {...pageActions}>
        <BlockStack gap="400">
          <FaqLocalesBanner show={shopifyUnavailable} />
          <FaqPublishBanner publish={publish} />
          <Card>
            <EmptyState
              heading={text.empty.heading}
              image={EMPTY_IMAGE}
              action={{
                content: text.empty.starter,
                loading: busy && navigation.formData?.get("intent") === "starter",
                onAction: () => submit({ intent: "starter" }, { method: "post" }),
              }}
              secondaryAction={{ content: text.empty.write, url: "/app/faq/new" }}
            >
              <p>{text.empty.body}</p>
            </EmptyState>
          </Card>
        </BlockStack>
      </AdminPage>
    );
  }

  const statusLabel = (status: string) => (status === "published" ? text.status.published : text.status.draft);
  const appliedFilters = [
    filters.status !== "all"
      ? {
          key: "status",
          label: `${text.list.filterStatus}: ${statusLabel(filters.status)}`,
          onRemove: () => setFilter("status", ""),
        }
      : null,
    filters.category !== "all"
      ? {
          key: "category",
          label: `${text.list.filterCategory}: ${
            filters.category === "none"
              ? text.list.noCategoryOption
              : (categories.find((category) => category.id === filters.category)?.title ?? "")
          }`,
          onRemove: () => setFilter("category", ""),
        }
      : null,
    filters.missingLocale
      ? {
          key: "missingLocale",
          label: format(text.list.missingIn, { language: languageName(locales, filters.missingLocale) }),
          onRemove: () => setFilter("missingLocale", ""),
        }
      : null,
  ].filter((filter) => filter !== null);

  const rows = items.map((item, index) => (
    <IndexTable.Row id={item.id} key={item.id} position={index} selected={selectedResources.includes(item.id)}>
      <IndexTable.Cell>
        <BlockStack gap="100">
          <Link url={`/app/faq/${item.id}`} removeUnderline dataPrimaryLink>
            <Text as="span" fontWeight="semibold">
              {item.question}
            </Text>
          </Link>
          {item.needsReview ? (
            <InlineStack>
              <Badge tone="attention">{text.list.needsReview}</Badge>
            </InlineStack>
          ) : null}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{item.categoryTitle || text.list.noCategory}</IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={item.status === "published" ? "success" : undefined}>{statusLabel(item.status)}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {item.missingLocales.length > 0 ? (
          <Badge tone="warning">
            {format(text.list.missingTranslations, {
              locales: item.missingLocales.map((code) => languageName(locales, code)).join(", "),
            })}
          </Badge>
        ) : (
          <Text as="span" tone="subdued">
            {text.list.allTranslations}
          </Text>
        )}
      </IndexTable.Cell>
      <IndexTable.Cell>
        {/* Buttons inside a row must not also open the article. */}
        <div
          onClick={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
          role="presentation"
        >
          <ButtonGroup variant="segmented">
            <Button
              size="slim"
              disabled={filtered || busy || (list.page === 1 && index === 0)}
              accessibilityLabel={format(text.list.moveUp, { question: item.question })}
              onClick={() => move(item.id, "up")}
            >
              ↑
            </Button>
            <Button
              size="slim"
              disabled={filtered || busy || (list.page === list.pageCount && index === items.length - 1)}
              accessibilityLabel={format(text.list.moveDown, { question: item.question })}
              onClick={() => move(item.id, "down")}
            >
              ↓
            </Button>
          </ButtonGroup>
        </div>
      </IndexTable.Cell>
    </IndexTable.Row>
  ));

  return (
    <AdminPage title={text.title} {...pageActions}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <FaqLocalesBanner show={shopifyUnavailable} />
            <FaqPublishBanner publish={publish} />
            {actionData && !actionData.ok ? (
              <Banner tone="critical">
                <p>{text.fieldErrors.invalidRequest}</p>
              </Banner>
            ) : null}
            {actionData?.ok && actionData.needsReview > 0 ? (
              <Banner tone="warning">
                <p>{formatCount(text.list.needsReviewSkipped, actionData.needsReview)}</p>
              </Banner>
            ) : null}
            {reviewCount > 0 && !(actionData?.ok && actionData.needsReview > 0) ? (
              <Banner
                tone="info"
                title={formatCount(text.list.reviewBannerTitle, reviewCount)}
                action={
                  filters.status !== "draft"
                    ? { content: text.list.reviewBannerAction, onAction: () => setFilter("status", "draft") }
                    : undefined
                }
              >
                <p>{text.list.reviewBannerBody}</p>
              </Banner>
            ) : null}
            <Card padding="0">
              <Filters
                queryValue={query}
                queryPlaceholder={text.list.searchPlaceholder}
                onQueryChange={setQuery}
                onQueryClear={() => setQuery("")}
                onClearAll={() => {
                  setQuery("");
                  setSearchParams(new URLSearchParams(), { replace: true });
                }}
                appliedFilters={appliedFilters}
                filters={[
                  {
                    key: "status",
                    label: text.list.filterStatus,
                    pinned: true,
                    filter: (
                      <ChoiceList
                        title={text.list.filterStatus}
                        titleHidden
                        choices={[
                          { label: text.list.allStatuses, value: "all" },
                          { label: text.status.published, value: "published" },
                          { label: text.status.draft, value: "draft" },
                        ]}
                        selected={[filters.status]}
                        onChange={([value]) => setFilter("status", value ?? "")}
                      />
                    ),
                  },
                  {
                    key: "category",
                    label: text.list.filterCategory,
                    pinned: true,
                    filter: (
                      <ChoiceList
                        title={text.list.filterCategory}
                        titleHidden
                        choices={[
                          { label: text.list.allCategories, value: "all" },
                          { label: text.list.noCategoryOption, value: "none" },
                          ...categories.map((category) => ({ label: category.title, value: category.id })),
                        ]}
                        selected={[filters.category]}
                        onChange={([value]) => setFilter("category", value ?? "")}
                      />
                    ),
                  },
                  ...(secondaryLocales.length > 0
                    ? [
                        {
                          key: "missingLocale",
                          label: text.list.filterMissing,
                          pinned: true,
                          filter: (
                            <ChoiceList
                              title={text.list.filterMissing}
                              titleHidden
                              choices={[
                                { label: text.list.anyLocale, value: "" },
                                ...secondaryLocales.map((locale) => ({
                                  label: format(text.list.missingIn, { language: locale.name }),
                                  value: locale.locale,
                                })),
                              ]}
                              selected={[filters.missingLocale]}
                              onChange={([value]) => setFilter("missingLocale", value ?? "")}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              <IndexTable
                resourceName={{ singular: text.list.resourceSingular, plural: text.list.resourcePlural }}
                itemCount={items.length}
                selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                onSelectionChange={handleSelectionChange}
                loading={busy}
                headings={[
                  { title: text.list.columnQuestion },
                  { title: text.list.columnCategory },
                  { title: text.list.columnStatus },
                  { title: text.list.columnTranslations },
                  { title: text.list.columnOrder },
                ]}
                promotedBulkActions={[
                  { content: text.list.publish, onAction: () => bulk("publish") },
                  { content: text.list.unpublish, onAction: () => bulk("unpublish") },
                ]}
                bulkActions={[{ content: text.list.delete, onAction: () => setConfirmDelete(true) }]}
                emptyState={
                  <EmptyState heading={text.list.noResultsTitle} image="">
                    <p>{text.list.noResultsBody}</p>
                  </EmptyState>
                }
                pagination={{
                  hasPrevious: list.page > 1,
                  hasNext: list.page < list.pageCount,
                  onPrevious: () => goToPage(list.page - 1),
                  onNext: () => goToPage(list.page + 1),
                  label: formatCount(text.list.pageLabel, list.total, { page: list.page, pageCount: list.pageCount }),
                }}
              >
                {rows}
              </IndexTable>
            </Card>
            {filtered ? (
              <Text as="p" tone="subdued">
                {text.list.orderHint}
              </Text>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={formatCount(text.list.deleteTitle, selectedResources.length)}
        primaryAction={{
          content: text.actions.delete,
          destructive: true,
          onAction: () => {
            setConfirmDelete(false);
            bulk("delete");
          },
        }}
        secondaryActions={[{ content: text.actions.cancel, onAction: () => setConfirmDelete(false) }]}
      >
        <Modal.Section>
          <p>{text.list.deleteBody}</p>
        </Modal.Section>
      </Modal>
    </AdminPage>
  );
}
