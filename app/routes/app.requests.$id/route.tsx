import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineStack, Layout, Text } from "@shopify/polaris";

import { AdminPage } from "../../components/AdminPage";
import { useJsonSubmit } from "../../components/form";
import { formatShopDate, inboxSearch, StatusBadge } from "../../components/Inbox";
import { toast } from "../../components/toast";
import {
  changeRequestStatus,
  getInboxRequest,
  inboxFiltersFrom,
} from "../../features/contact/ContactRequestInbox.server";
import { adminText, format } from "../../i18n";
import { readAdminForm } from "../../platform/admin-form.server";
import { getShopTimezone } from "../../shopify/shop-timezone.server";
import { authenticate } from "../../shopify.server";
import { ContextCard } from "./components/ContextCard";
import { ShopperCard } from "./components/ShopperCard";
import type { InboxRequest } from "./request-detail";
import { requestActionSchema } from "./schema.server";

const text = adminText.requests;
const detail = text.detail;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

type RequestPage = { backUrl: string; timezone: string; request: InboxRequest | null };

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  // The list's filters ride along, so "back" returns to the same tab, search and page.
  const backUrl = `/app/requests${inboxSearch(inboxFiltersFrom(new URL(request.url).searchParams))}`;
  const [found, timezone] = await Promise.all([
    getInboxRequest(session.shop, params.id ?? ""),
    getShopTimezone(admin, session.shop),
  ]);
  const page: RequestPage = { backUrl, timezone, request: found };
  // A missing id (or another shop's) answers 404 with a page of its own, never an error.
  return page.request ? page : data(page, { status: 404 });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const body = (await readAdminForm(request)) ?? {};
  const parsed = requestActionSchema.safeParse({ ...(body as object), id: params.id });
  if (!parsed.success) return { ok: false as const, error: "invalid" as const };
  const { id, intent } = parsed.data;
  const outcome = await changeRequestStatus(session.shop, id, intent === "resolve" ? "resolved" : "open");
  if (outcome === "not_found") return { ok: false as const, error: "not_found" as const };
  return {
    ok: true as const,
    intent,
    toast: toast(intent === "resolve" ? detail.resolvedToast : detail.reopenedToast),
  };
};

export default function RequestDetail() {
  const { backUrl, timezone, request } = useLoaderData<typeof loader>() as RequestPage;
  const answer = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const submit = useJsonSubmit();
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

  const resolved = request.status === "resolved";
  const statusAction = {
    content: resolved ? detail.reopen : detail.resolve,
    loading: submitting,
    onAction: () => submit({ intent: resolved ? "reopen" : "resolve" }),
  };

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
            {answer && !answer.ok ? (
              <Banner tone="critical">
                <p>{answer.error === "not_found" ? detail.notFoundBody : detail.invalidRequest}</p>
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
            <ContextCard context={request.context} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ShopperCard request={request} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
