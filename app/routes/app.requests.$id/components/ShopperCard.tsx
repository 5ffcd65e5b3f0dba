import { Badge, BlockStack, Box, InlineStack, Link, Text } from "@shopify/polaris";

import { TitledCard } from "../../../components/TitledCard";
import { adminText, format } from "../../../i18n";
import { languageName, orderAdminUrl, type InboxRequest } from "../request-detail";
import { Field } from "./Field";

const detail = adminText.requests.detail;

/** Who wrote, how to answer them, their order (checked or typed by a guest), language, page and notification. */
export function ShopperCard({ request }: { request: InboxRequest }) {
  const { context } = request;
  const orderUrl = request.orderId && request.orderVerified ? orderAdminUrl(request.orderId) : null;
  const mailto = `mailto:${request.email}?subject=${encodeURIComponent(
    format(detail.replySubject, { reference: request.reference }),
  )}`;
  return (
    <TitledCard title={detail.shopper} gap="300">
      <Field label={detail.name}>
        <Text as="p">{request.name}</Text>
      </Field>
      <Field label={detail.email}>
        <BlockStack gap="100">
          <Text as="p" breakWord>
            {request.email}
          </Text>
          <Box>
            <Link url={mailto} target="_blank">
              {detail.replyByEmail}
            </Link>
          </Box>
        </BlockStack>
      </Field>
      <Field label={detail.order}>
        {request.orderName ? (
          orderUrl ? (
            <Link url={orderUrl} target="_top">
              {format(detail.viewOrder, { order: request.orderName })}
            </Link>
          ) : (
            <BlockStack gap="100">
              <InlineStack gap="200" blockAlign="center">
                <Text as="span">{request.orderName}</Text>
                {request.orderVerified ? null : <Badge tone="warning">{detail.notVerified}</Badge>}
              </InlineStack>
              {request.orderVerified ? null : (
                <Text as="p" tone="subdued">
                  {request.orderUnverifiedReason === "shopify_unavailable"
                    ? detail.uncheckedInOutageHint
                    : detail.notVerifiedHint}
                </Text>
              )}
            </BlockStack>
          )
        ) : (
          <Text as="p" tone="subdued">
            {detail.noOrder}
          </Text>
        )}
      </Field>
      <Field label={detail.locale}>
        <Text as="p">{languageName(request.locale)}</Text>
      </Field>
      {context.page ? (
        <Field label={detail.page}>
          <Text as="p" breakWord>
            {context.page}
          </Text>
        </Field>
      ) : null}
      <Field label={detail.notification}>
        <Text as="p" tone={context.notification === "failed" ? "critical" : undefined}>
          {detail.notificationStatus[context.notification ?? "pending"]}
        </Text>
      </Field>
    </TitledCard>
  );
}
