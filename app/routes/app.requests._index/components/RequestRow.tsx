import { Badge, BlockStack, Box, IndexTable, InlineStack, Link, Text, Tooltip } from "@shopify/polaris";

import { formatShopDate, StatusBadge } from "../../../components/Inbox";
import type { InboxRow } from "../../../features/contact/ContactRequestInbox.server";
import { adminText } from "../../../i18n";

const text = adminText.requests.list;

/** One request of the inbox; its link carries the list's filters (`back`) so the request's page can return to them. */
export function RequestRow({
  row,
  position,
  back,
  timezone,
}: {
  row: InboxRow;
  position: number;
  back: string;
  timezone: string;
}) {
  return (
    <IndexTable.Row id={row.id} position={position}>
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
              <Tooltip
                content={
                  row.orderUnverifiedReason === "shopify_unavailable" ? text.uncheckedInOutageHint : text.unverifiedHint
                }
              >
                <Badge>{text.unverified}</Badge>
              </Tooltip>
            )}
          </InlineStack>
        ) : (
          <Text as="span" tone="subdued">
            {text.noOrder}
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
  );
}
