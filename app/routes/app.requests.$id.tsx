import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Box, Card, InlineStack, Layout, Link, List, Text } from "@shopify/polaris";
import { useEffect, type ReactNode } from "react";
import { z } from "zod";

import { AdminPage } from "../components/AdminPage";
import { adminText, format } from "../i18n";
import { formatShopDate, inboxSearch, StatusBadge } from "../components/Inbox";
import { changeRequestStatus, getInboxRequest, inboxFiltersFrom } from "../features/contact/ContactRequestInbox.server";
import { getShopTimezone } from "../shopify/shop-timezone.server";
import { authenticate } from "../shopify.server";

const text = adminText.requests;
const detail = text.detail;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  // The list's filters ride along, so "back" returns to the same tab, search and page.
  const backUrl = `/app/requests${inboxSearch(inboxFiltersFrom(new URL(request.url).searchParams))}`;
  const [found, timezone] = await Promise.all([
    getInboxRequest(session.shop, params.id ?? ""),
    getShopTimezone(admin, session.shop),
  ]);
  const page = { backUrl, timezone, request: found };
  // A missing id (or another shop's) answers 404 with a page of its own, never an error.
  return page.request ? page : data(page, { status: 404 });
};

type RequestPage = { backUrl: string; timezone: string; request: Awaited<ReturnType<typeof getInboxRequest>> };

const actionSchema = z.object({ id: z.string().min(1).max(64), intent: z.enum(["resolve", "reopen"]) });

export type RequestActionData =
  { ok: true; intent: "resolve" | "reopen" } | { ok: false; error: "invalid" | "not_found" };

export const action = async ({ request, params }: ActionFunctionArgs): Promise<RequestActionData> => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const parsed = actionSchema.safeParse({ id: params.id, intent: form.get("intent") });
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { id, intent } = parsed.data;
  const outcome = await changeRequestStatus(session.shop, id, intent === "resolve" ? "resolved" : "open");
  if (outcome === "not_found") return { ok: false, error: "not_found" };
  return { ok: true, intent };
};

/** `shopify://admin/orders/<id>`: App Bridge opens the order in the Shopify admin around the app. */
function orderAdminUrl(orderId: string): string | null {
  const numeric = orderId.match(/\/Order\/(\d+)$/)?.[1];
  return numeric ? `shopify://admin/orders/${numeric}` : null;
}

function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

function eligibilityText(entry: { eligible: boolean; reason?: string }): string {
  if (entry.eligible) return detail.eligible;
  const reasons: Record<string, string> = detail.reasons;
  const reason = (entry.reason && reasons[entry.reason]) || detail.unknownReason;
  return format(detail.notEligible, { reason });
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {label}
      </Text>
      {children}
    </BlockStack>
  );
}

export default function RequestDetail() {
  const { backUrl, timezone, request } = useLoaderData<typeof loader>() as RequestPage;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();

  useEffect(() => {
    if (!actionData?.ok) return;
    shopify.toast.show(actionData.intent === "resolve" ? detail.resolvedToast : detail.reopenedToast);
  }, [actionData, shopify]);

  const backAction = { content: detail.back, url: backUrl };

  if (!request) {
    return (
      <AdminPage title={detail.notFoundTitle} backAction={backAction}>
        <Banner tone="warning" title={detail.notFoundTitle} action={{ content: detail.backToList, url: backUrl }}>
          <p>{detail.notFoundBody}</p>
        </Banner>
      </AdminPage>
    );
  }

  const submitting = navigation.state === "submitting";
  const resolved = request.status === "resolved";
  const statusAction = {
    content: resolved ? detail.reopen : detail.resolve,
    loading: submitting,
    onAction: () => submit({ intent: resolved ? "reopen" : "resolve" }, { method: "post" }),
  };
  const { context } = request;
  const orderUrl = request.orderId && request.orderVerified ? orderAdminUrl(request.orderId) : null;
  const mailto = `mailto:${request.email}?subject=${encodeURIComponent(
    format(detail.replySubject, { reference: request.reference }),
  )}`;
  const triedNothing =
    context.searches.length === 0 && context.articles.length === 0 && context.eligibility.length === 0;

  return (
    <AdminPage
      title={request.reference}
      backAction={backAction}
      primaryAction={resolved ? undefined : { ...statusAction, primary: true }}
      secondaryActions={resolved ? [statusAction] : []}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {actionData && !actionData.ok ? (
              <Banner tone="critical">
                <p>{actionData.error === "not_found" ? detail.notFoundBody : detail.invalidRequest}</p>
              </Banner>
            ) : null}
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center" gap="200">
                  <Text as="h2" variant="headingMd">
                    {detail.message}
                  </Text>
                  <InlineStack gap="200" blockAlign="center">
                    <StatusBadge status={request.status} />
                    <Text as="span" tone="subdued">
                      <time dateTime={request.createdAt}>
                        {format(detail.receivedOn, { date: formatShopDate(request.createdAt, timezone) })}
                      </time>
                    </Text>
                  </InlineStack>
                </InlineStack>
                {/* Plain text as the shopper typed it: React escapes it; line breaks are kept by CSS. */}
                <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="request-message">
                  <Text as="p">{request.message}</Text>
                </div>
                {request.resolvedAt ? (
                  <Text as="p" tone="subdued">
                    {format(detail.resolvedOn, { date: formatShopDate(request.resolvedAt, timezone) })}
                  </Text>
                ) : null}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {detail.context}
                </Text>
                {triedNothing ? (
                  <Text as="p" tone="subdued">
                    {detail.contextEmpty}
                  </Text>
                ) : null}
                {context.searches.length > 0 ? (
                  <Field label={detail.searches}>
                    <List type="bullet">
                      {context.searches.map((search, index) => (
                        <List.Item key={index}>“{search}”</List.Item>
                      ))}
                    </List>
                  </Field>
                ) : null}
                {context.articles.length > 0 ? (
                  <Field label={detail.articles}>
                    <List type="bullet">
                      {context.articles.map((article, index) => (
                        <List.Item key={`${article.id}-${index}`}>{article.title}</List.Item>
                      ))}
                    </List>
                  </Field>
                ) : null}
                {context.eligibility.length > 0 ? (
                  <Field label={detail.eligibility}>
                    <List type="bullet">
                      {context.eligibility.map((entry, index) => (
                        <List.Item key={index}>
                          <InlineStack gap="200" blockAlign="center">
                            <Text as="span">
                              {entry.line
                                ? format(detail.eligibilityLine, { order: entry.order, line: entry.line })
                                : entry.order}
                            </Text>
                            <Badge tone={entry.eligible ? "success" : "warning"}>{eligibilityText(entry)}</Badge>
                          </InlineStack>
                        </List.Item>
                      ))}
                    </List>
                  </Field>
                ) : null}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {detail.shopper}
                </Text>
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
                            {detail.notVerifiedHint}
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
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
