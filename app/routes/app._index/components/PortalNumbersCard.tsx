import { BlockStack, Box, Button, InlineStack, List, Text } from "@shopify/polaris";

import { TitledCard } from "../../../components/TitledCard";

import type { PortalMetrics } from "../../../features/analytics/PortalMetrics.server";
import { adminText, format } from "../../../i18n";

const text = adminText.home.metrics;
const numbers = new Intl.NumberFormat("en");
const percent = (part: number, whole: number) =>
  new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 }).format(whole ? part / whole : 0);

/**
 * How the portal is doing, from what shoppers did on the storefront; until they have used it, a word on what will
 * show here (nothing is estimated).
 */
export function PortalNumbersCard({ metrics, orders }: { metrics: PortalMetrics | null; orders: number | null }) {
  return (
    <TitledCard title={text.heading}>
      {metrics ? (
        <PortalNumbers metrics={metrics} orders={orders} />
      ) : (
        <Box padding="400" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {text.emptyHeading}
            </Text>
            <Text as="p" tone="subdued">
              {text.emptyBody}
            </Text>
          </BlockStack>
        </Box>
      )}
    </TitledCard>
  );
}

/** What the portal did over the period: visits, help found without a message, messages, ratings, searches. */
function PortalNumbers({ metrics, orders }: { metrics: PortalMetrics; orders: number | null }) {
  const rated = metrics.helpful.yes + metrics.helpful.no;
  return (
    <BlockStack gap="400">
      <Text as="p" tone="subdued">
        {format(text.period, { days: metrics.days })}
      </Text>
      <InlineStack gap="300" wrap>
        <Figure value={numbers.format(metrics.visits)} label={text.visits} />
        <Figure
          value={numbers.format(metrics.selfServed)}
          label={format(text.selfServed, { rate: percent(metrics.selfServed, metrics.visits) })}
        />
        <Figure value={numbers.format(metrics.contacts)} label={text.contacts} />
        {orders ? (
          <Figure
            value={new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format((metrics.contacts / orders) * 100)}
            label={format(text.contactsPerOrders, { orders: numbers.format(orders) })}
          />
        ) : null}
        {rated > 0 ? (
          <Figure
            value={percent(metrics.helpful.yes, rated)}
            label={format(text.helpful, { count: numbers.format(rated) })}
          />
        ) : null}
      </InlineStack>
      <InlineStack gap="800" wrap>
        <SearchList heading={text.topSearches} searches={metrics.topSearches} />
        {metrics.unanswered.length > 0 ? (
          <BlockStack gap="200">
            <SearchList heading={text.unanswered} searches={metrics.unanswered} />
            <InlineStack>
              <Button url="/app/faq/new">{text.writeArticle}</Button>
            </InlineStack>
          </BlockStack>
        ) : null}
      </InlineStack>
    </BlockStack>
  );
}

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
          <List.Item key={query}>{format(text.searchCount, { query, count: numbers.format(count) })}</List.Item>
        ))}
      </List>
    </BlockStack>
  );
}
