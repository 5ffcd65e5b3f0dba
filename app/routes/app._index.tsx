import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";

import { HomeSummary } from "../shopify/graphql/HomeSummary";
import { adminText, format } from "../i18n";
import { getPortalMetrics, type PortalMetrics } from "../features/analytics/PortalMetrics.server";
import { callShopify, ShopifyUnavailableError } from "../shopify/call-shopify.server";
import { getPublishStatus } from "../features/publishing/publish-storefront-snapshot.server";
import { getSetupChecklist, type ChecklistItem } from "../features/setup/setup-checklist.server";
import { authenticate } from "../shopify.server";

const RECENT_DAYS = 60;

export const meta: MetaFunction = () => [{ title: adminText.home.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  const summary = async () => {
    try {
      const response = await callShopify(() =>
        admin.graphql(HomeSummary, { variables: { recentOrders: `created_at:>=${since}` } }),
      );
      const { data } = await response.json();
      return {
        shopName: data?.shop.name ?? "",
        domain: data?.shop.myshopifyDomain ?? session.shop,
        recentOrders: data?.ordersCount ?? null,
        shopifyUnavailable: false,
      };
    } catch (error) {
      if (!(error instanceof ShopifyUnavailableError)) throw error;
      console.warn(
        `[home] ${session.shop}: ${error.message} (${error.cause instanceof Error ? error.cause.message : "unknown"})`,
      );
      return { shopName: "", domain: session.shop, recentOrders: null, shopifyUnavailable: true };
    }
  };
  const [home, checklist, publish, metrics] = await Promise.all([
    summary(),
    getSetupChecklist(admin, session.shop),
    getPublishStatus(session.shop),
    getPortalMetrics(session.shop, RECENT_DAYS),
  ]);
  const publishedLabel = publish.publishedAt
    ? `${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(publish.publishedAt))} UTC`
    : null;
  return { ...home, checklist, publish: { ...publish, publishedLabel }, metrics };
};

const text = adminText.home;

function itemTexts(item: ChecklistItem, theme: { themeName: string | null; filename: string | null; state: string }) {
  if (item.id !== "block") {
    return {
      title: text.checklist[item.id].title,
      body: text.checklist[item.id].body,
      action: text.checklist[item.id].action,
    };
  }
  const values = { theme: theme.themeName ?? text.checklist.block.themeFallback, file: theme.filename ?? "" };
  const body =
    theme.state === "active"
      ? text.checklist.block.bodyActive
      : theme.state === "disabled"
        ? text.checklist.block.bodyDisabled
        : theme.state === "unknown"
          ? text.checklist.block.bodyUnknown
          : text.checklist.block.bodyMissing;
  return {
    title: text.checklist.block.title,
    body: format(body, values),
    action: theme.state === "missing" ? text.checklist.block.action : text.checklist.block.actionDisabled,
  };
}

function ChecklistRow({ item, theme }: { item: ChecklistItem; theme: Parameters<typeof itemTexts>[1] }) {
  const { title, body, action } = itemTexts(item, theme);
  return (
    <Box paddingBlock="300">
      <InlineStack align="space-between" blockAlign="start" gap="300" wrap={false}>
        <BlockStack gap="100">
          {/* align is set: InlineStack would otherwise inherit the row's space-between. */}
          <InlineStack gap="200" blockAlign="center" align="start">
            <Text as="h3" variant="headingSm">
              {title}
            </Text>
            {item.done === true ? (
              <Badge tone="success">{text.checklist.done}</Badge>
            ) : item.done === false ? (
              <Badge tone="attention">{text.checklist.notDone}</Badge>
            ) : (
              <Badge>{text.checklist.unknown}</Badge>
            )}
          </InlineStack>
          <Text as="p" tone="subdued">
            {body}
          </Text>
        </BlockStack>
        {item.done === true && item.id !== "block" ? null : (
          <div style={{ whiteSpace: "nowrap" }}>
            <Button
              url={item.href}
              target={item.external ? "_top" : undefined}
              variant={item.done === true ? "tertiary" : "secondary"}
              accessibilityLabel={`${action}: ${title}`}
            >
              {action}
            </Button>
          </div>
        )}
      </InlineStack>
    </Box>
  );
}

export default function Home() {
  const { shopName, domain, recentOrders, shopifyUnavailable, checklist, publish, metrics } =
    useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const progress = Math.round((checklist.doneCount / checklist.total) * 100);
  return (
    <Page>
      <TitleBar title={text.title} />
      <Layout>
        {shopifyUnavailable ? (
          <Layout.Section>
            <Banner
              tone="warning"
              title={adminText.errors.shopifyUnavailableTitle}
              action={{
                content: adminText.errors.tryAgain,
                loading: revalidator.state === "loading",
                onAction: () => revalidator.revalidate(),
              }}
            >
              <p>{adminText.errors.shopifyUnavailable}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {shopName ? format(text.welcomeHeading, { shopName }) : text.welcomeHeadingNoName}
              </Text>
              <Text as="p">{text.welcomeBody}</Text>
              <Text as="p" tone="subdued">
                {format(text.connectedAs, { domain })}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {text.ordersHeading}
              </Text>
              <InlineStack>
                <Text as="p" variant="heading2xl">
                  {recentOrders
                    ? recentOrders.precision === "EXACT"
                      ? recentOrders.count
                      : format(text.ordersAtLeast, { count: recentOrders.count })
                    : "—"}
                </Text>
              </InlineStack>
              <Text as="p" tone="subdued">
                {text.ordersBody}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd" id="setup-checklist-heading">
                  {text.checklist.heading}
                </Text>
                <InlineStack gap="300" blockAlign="center" align="start" wrap={false}>
                  <div style={{ whiteSpace: "nowrap" }}>
                    <Text as="p" id="setup-checklist-progress">
                      {format(text.checklist.progress, { done: checklist.doneCount, total: checklist.total })}
                    </Text>
                  </div>
                  <Box width="100%">
                    <ProgressBar
                      progress={progress}
                      size="small"
                      tone={checklist.doneCount === checklist.total ? "success" : "highlight"}
                      ariaLabelledBy="setup-checklist-progress"
                    />
                  </Box>
                </InlineStack>
                {checklist.doneCount === checklist.total ? (
                  <Text as="p" tone="success">
                    {text.checklist.allDone}
                  </Text>
                ) : null}
              </BlockStack>
              <div role="list" aria-labelledby="setup-checklist-heading">
                {checklist.items.map((item, index) => (
                  <div role="listitem" key={item.id} data-checklist-item={item.id}>
                    {index > 0 ? <Divider /> : null}
                    <ChecklistRow item={item} theme={checklist.theme} />
                  </div>
                ))}
              </div>
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {text.storefront.heading}
                </Text>
                {publish.status === "failed" && publish.error ? (
                  <Banner tone="critical" title={text.storefront.failedTitle}>
                    <p>{publish.error}</p>
                  </Banner>
                ) : null}
                <Text as="p" tone={publish.publishedLabel ? undefined : "subdued"}>
                  {publish.publishedLabel
                    ? format(text.storefront.published, { date: publish.publishedLabel })
                    : text.storefront.never}
                </Text>
                <InlineStack>
                  <Button url="/app/branding" variant="plain">
                    {text.storefront.manage}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {text.help.heading}
                </Text>
                <List type="bullet">
                  {(
                    [
                      [text.help.appBlocks, text.help.appBlocksUrl],
                      [text.help.returns, text.help.returnsUrl],
                      [text.help.languages, text.help.languagesUrl],
                    ] as const
                  ).map(([label, url]) => (
                    <List.Item key={url}>
                      <Link url={url} target="_blank">
                        {label}
                        <Text as="span" visuallyHidden>
                          {` ${text.help.opensInNewTab}`}
                        </Text>
                      </Link>
                    </List.Item>
                  ))}
                </List>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {text.metrics.heading}
              </Text>
              {metrics ? (
                <PortalNumbers
                  metrics={metrics}
                  orders={recentOrders?.precision === "EXACT" ? recentOrders.count : null}
                />
              ) : (
                <Box padding="400" background="bg-surface-secondary" borderRadius="200">
                  <BlockStack gap="100">
                    <Text as="h3" variant="headingSm">
                      {text.metrics.emptyHeading}
                    </Text>
                    <Text as="p" tone="subdued">
                      {text.metrics.emptyBody}
                    </Text>
                  </BlockStack>
                </Box>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

const numbers = new Intl.NumberFormat("en");
const percent = (part: number, whole: number) =>
  new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 }).format(whole ? part / whole : 0);

/** One figure of the portal card: the number large, what it counts below. */
function Figure({ value, label }: { value: string; label: string }) {
  return (
    <Box padding="300" background="bg-surface-secondary" borderRadius="200" minWidth="10rem">
      <BlockStack gap="100">
        <Text as="p" variant="headingLg">
          {value}
        </Text>
        <Text as="p" tone="subdued">
          {label}
        </Text>
      </BlockStack>
    </Box>
  );
}

function SearchList({ heading, searches }: { heading: string; searches: PortalMetrics["topSearches"] }) {
  if (searches.length === 0) return null;
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {heading}
      </Text>
      <List>
        {searches.map(({ query, count }) => (
          <List.Item key={query}>{format(text.metrics.searchCount, { query, count: numbers.format(count) })}</List.Item>
        ))}
      </List>
    </BlockStack>
  );
}

/** What the portal did over the period: visits, help found without a message, messages, ratings, searches. */
function PortalNumbers({ metrics, orders }: { metrics: PortalMetrics; orders: number | null }) {
  const rated = metrics.helpful.yes + metrics.helpful.no;
  return (
    <BlockStack gap="400">
      <Text as="p" tone="subdued">
        {format(text.metrics.period, { days: metrics.days })}
      </Text>
      <InlineStack gap="300" wrap>
        <Figure value={numbers.format(metrics.visits)} label={text.metrics.visits} />
        <Figure
          value={numbers.format(metrics.selfServed)}
          label={format(text.metrics.selfServed, { rate: percent(metrics.selfServed, metrics.visits) })}
        />
        <Figure value={numbers.format(metrics.contacts)} label={text.metrics.contacts} />
        {orders ? (
          <Figure
            value={new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format((metrics.contacts / orders) * 100)}
            label={format(text.metrics.contactsPerOrders, { orders: numbers.format(orders) })}
          />
        ) : null}
        {rated > 0 ? (
          <Figure
            value={percent(metrics.helpful.yes, rated)}
            label={format(text.metrics.helpful, { count: numbers.format(rated) })}
          />
        ) : null}
      </InlineStack>
      <InlineStack gap="800" wrap>
        <SearchList heading={text.metrics.topSearches} searches={metrics.topSearches} />
        {metrics.unanswered.length > 0 ? (
          <BlockStack gap="200">
            <SearchList heading={text.metrics.unanswered} searches={metrics.unanswered} />
            <InlineStack>
              <Button url="/app/faq/new">{text.metrics.writeArticle}</Button>
            </InlineStack>
          </BlockStack>
        ) : null}
      </InlineStack>
    </BlockStack>
  );
}
