import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Box, Card, EmptyState, IndexTable, Tabs, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";

import { AdminPage } from "../../components/AdminPage";
import { inboxSearch } from "../../components/Inbox";
import {
  countInbox,
  inboxFiltersFrom,
  listInbox,
  type InboxStatus,
} from "../../features/contact/ContactRequestInbox.server";
import { adminText, format } from "../../i18n";
import { getShopTimezone } from "../../shopify/shop-timezone.server";
import { authenticate } from "../../shopify.server";
import { EmptyInbox } from "./components/EmptyInbox";
import { RequestRow } from "./components/RequestRow";

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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the typed query alone restarts the pause
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
        <EmptyInbox />
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
            {list.requests.map((row, index) => (
              <RequestRow key={row.id} row={row} position={index} back={back} timezone={timezone} />
            ))}
          </IndexTable>
        </Tabs>
      </Card>
    </AdminPage>
  );
}
