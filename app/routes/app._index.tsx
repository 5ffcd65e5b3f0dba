import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";

import { HomeSummary } from "../graphql/HomeSummary";
import { adminText, format } from "../i18n";
import { callShopify, ShopifyUnavailableError } from "../services/call-shopify.server";
import { authenticate } from "../shopify.server";

const RECENT_DAYS = 60;

export const meta: MetaFunction = () => [{ title: adminText.home.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
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

export default function Home() {
  const { shopName, domain, recentOrders, shopifyUnavailable } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const text = adminText.home;
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
      </Layout>
    </Page>
  );
}
