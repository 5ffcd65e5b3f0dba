import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";

import { HomeSummary } from "../graphql/HomeSummary";
import { adminText, format } from "../i18n";
import { authenticate } from "../shopify.server";

const RECENT_DAYS = 60;

export const meta: MetaFunction = () => [{ title: adminText.home.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  const response = await admin.graphql(HomeSummary, { variables: { recentOrders: `created_at:>=${since}` } });
  const { data } = await response.json();
  return {
    shopName: data?.shop.name ?? "",
    domain: data?.shop.myshopifyDomain ?? "",
    recentOrders: data?.ordersCount ?? null,
  };
};

export default function Home() {
  const { shopName, domain, recentOrders } = useLoaderData<typeof loader>();
  const text = adminText.home;
  return (
    <Page>
      <TitleBar title={text.title} />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {format(text.welcomeHeading, { shopName })}
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
