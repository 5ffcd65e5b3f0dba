import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Link,
  Tabs,
  Text,
  TextField,
  Tooltip,
} from "@shopify/polaris";
import { useEffect, useState } from "react";

import { AdminPage } from "../components/AdminPage";
import { adminText, format } from "../i18n";
import { formatShopDate, inboxSearch, StatusBadge } from "../components/Inbox";
import {
  countInbox,
  inboxFiltersFrom,
  listInbox,
  type InboxStatus,
} from "../features/contact/ContactRequestInbox.server";
import { getShopTimezone } from "../shopify/shop-timezone.server";
import { authenticate } from "../shopify.server";

const text = adminText.requests;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const filters = inboxFiltersFrom(new URL(request.url).searchParams);
  const [list, counts, timezone] = await Promise.all([
    listInbox(session.shop, filters),
    countInbox(session.shop),
    getShopTimezone(admin, session.shop),
  ]);
  return { filters, list, counts, timezone };
};

const EMPTY_IMAGE =
  "data:image/svg+xml;charset=utf-8," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226"><circle cx="113" cy="113" r="100" fill="#e3f1df"/><rect x="58" y="72" width="110" height="76" rx="10" fill="#1f4d3a"/><path d="M62 80l51 38 51-38" stroke="#8bbd8b" stroke-width="8" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  );

const TABS: InboxStatus[] = ["open", "resolved", "all"];

export default function RequestsInbox() {
  const { filters, list, counts, timezone } = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const [query, setQuery] = useState(filters.query);
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/app/requests";

  // Search as the merchant types, without a request per keystroke.
  useEffect(() => {
    if (query.trim() === filters.query) return;
    const timer = setTimeout(() => setFilter("query", query.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  function setFilter(key: "status" | "query", value: string) {
    const next = new URLSearchParams(searchParams);
    if (value && !(key === "status" && value === "open")) next.set(key, value);
    else next.delete(key);
    next.delete("page");
    setSearchParams(next, { replace: key === "query", preventScrollReset: true });
  }
  function goToPage(page: number) {
    const next = new URLSearchParams(searchParams);
    if (page > 1) next.set("page", String(page));
    else next.delete("page");
    setSearchParams(next, { preventScrollReset: true });
  }

  if (counts.open + counts.resolved === 0) {
    return (
      <AdminPage title={text.title}>
        <Card>
          <EmptyState
            heading={text.empty.heading}
            image={EMPTY_IMAGE}
            action={{ content: text.empty.action, url: "/app" }}
          >
            <BlockStack gap="200">
              <p>{text.empty.body}</p>
              <p>{text.empty.secondaryBody}</p>
            </BlockStack>
          </EmptyState>
        </Card>
      </AdminPage>
    );
  }

  const tabs = TABS.map((status) => ({
    id: `requests-${status}`,
    panelID: "requests-panel",
    content:
      status === "open"
        ? format(text.list.tabOpenCount, { count: counts.open })
        : status === "resolved"
          ? text.list.tabResolved
          : text.list.tabAll,
  }));
  const back = inboxSearch(filters);

  const rows = list.requests.map((row, index) => (
    <IndexTable.Row id={row.id} key={row.id} position={index}>
      <IndexTable.Cell>
        <Link url={`/app/requests/${row.id}${back}`} removeUnderline dataPrimaryLink>
          <Text as="span" fontWeight="semibold">
            {row.reference}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <Text as="span">{row.name}</Text>
          <Text as="span" tone="subdued">
            {row.email}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Box maxWidth="320px">
          <Text as="span" truncate>
            {row.excerpt}
          </Text>
        </Box>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {row.orderName ? (
          <InlineStack gap="100" blockAlign="center" wrap={false}>
            <Text as="span">{row.orderName}</Text>
            {row.orderVerified ? null : (
              <Tooltip content={text.list.unverifiedHint}>
                <Badge>{text.list.unverified}</Badge>
              </Tooltip>
            )}
          </InlineStack>
        ) : (
          <Text as="span" tone="subdued">
            {text.list.noOrder}
          </Text>
        )}
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span">
          <time dateTime={row.createdAt}>{formatShopDate(row.createdAt, timezone)}</time>
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <StatusBadge status={row.status} />
      </IndexTable.Cell>
    </IndexTable.Row>
  ));

  return (
    <AdminPage title={text.title}>
      <Card padding="0">
        <Tabs
          tabs={tabs}
          selected={TABS.indexOf(filters.status)}
          onSelect={(index) => setFilter("status", TABS[index] ?? "open")}
        >
          <Box padding="300">
            <TextField
              label={text.list.searchLabel}
              labelHidden
              placeholder={text.list.searchPlaceholder}
              value={query}
              onChange={setQuery}
              clearButton
              onClearButtonClick={() => setQuery("")}
              autoComplete="off"
              type="search"
            />
          </Box>
          <IndexTable
            resourceName={{ singular: text.list.resourceSingular, plural: text.list.resourcePlural }}
            itemCount={list.requests.length}
            selectable={false}
            loading={busy}
            headings={[
              { title: text.list.columnReference },
              { title: text.list.columnShopper },
              { title: text.list.columnMessage },
              { title: text.list.columnOrder },
              { title: text.list.columnReceived },
              { title: text.list.columnStatus },
            ]}
            emptyState={
              filters.query ? (
                <EmptyState
                  heading={text.list.noResultsTitle}
                  image=""
                  action={{ content: text.list.clearSearch, onAction: () => setQuery("") }}
                >
                  <p>{text.list.noResultsBody}</p>
                </EmptyState>
              ) : (
                <EmptyState heading={text.list.noneInTabTitle[filters.status]} image="">
                  <p>{text.list.noneInTabBody[filters.status]}</p>
                </EmptyState>
              )
            }
            pagination={
              list.page > 1 || list.hasNextPage
                ? {
                    hasPrevious: list.page > 1,
                    hasNext: list.hasNextPage,
                    onPrevious: () => goToPage(list.page - 1),
                    onNext: () => goToPage(list.page + 1),
                    label: format(text.list.pageLabel, { page: list.page }),
                  }
                : undefined
            }
          >
            {rows}
          </IndexTable>
        </Tabs>
      </Card>
    </AdminPage>
  );
}
