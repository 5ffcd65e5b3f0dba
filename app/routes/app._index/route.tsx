import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Layout, Text } from "@shopify/polaris";

import { AdminPage } from "../../components/AdminPage";
import { PublishStatusCard, toPublishStatus } from "../../components/Publishing";
import { RetryBanner } from "../../components/RetryBanner";
import { TitledCard } from "../../components/TitledCard";
import { getPortalMetrics } from "../../features/analytics/PortalMetrics.server";
import { getPublishStatus } from "../../features/publishing/publish-storefront-snapshot.server";
import { getSetupChecklist } from "../../features/setup/setup-checklist.server";
import { getShopSummary } from "../../features/setup/shop-summary.server";
import { adminText, format } from "../../i18n";
import { authenticate } from "../../shopify.server";
import { HelpCard } from "./components/HelpCard";
import { PortalNumbersCard } from "./components/PortalNumbersCard";
import { SetupChecklistCard } from "./components/SetupChecklistCard";

const RECENT_DAYS = 60;
const text = adminText.home;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [summary, checklist, publish, metrics] = await Promise.all([
    getShopSummary(admin, session.shop, since),
    getSetupChecklist(admin, session.shop),
    getPublishStatus(session.shop),
    getPortalMetrics(session.shop, RECENT_DAYS),
  ]);
  return { ...summary, checklist, publish: toPublishStatus(publish), metrics };
};

export default function Home() {
  const { shopName, domain, recentOrders, shopifyUnavailable, checklist, publish, metrics } =
    useLoaderData<typeof loader>();
  const exactOrders = recentOrders?.precision === "EXACT" ? recentOrders.count : null;
  return (
    <AdminPage title={text.title}>
      <Layout>
        {shopifyUnavailable ? (
          <Layout.Section>
            <RetryBanner title={adminText.errors.shopifyUnavailableTitle}>
              <p>{adminText.errors.shopifyUnavailable}</p>
            </RetryBanner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <TitledCard title={shopName ? format(text.welcomeHeading, { shopName }) : text.welcomeHeadingNoName}>
            <Text as="p">{text.welcomeBody}</Text>
            <Text as="p" tone="subdued">
              {format(text.connectedAs, { domain })}
            </Text>
          </TitledCard>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <TitledCard title={text.ordersHeading}>
            <Text as="p" variant="heading2xl">
              {recentOrders ? (exactOrders ?? format(text.ordersAtLeast, { count: recentOrders.count })) : "—"}
            </Text>
            <Text as="p" tone="subdued">
              {text.ordersBody}
            </Text>
          </TitledCard>
        </Layout.Section>

        <Layout.Section>
          <SetupChecklistCard checklist={checklist} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <PublishStatusCard
              status={publish}
              heading={text.storefront.heading}
              neverText={text.storefront.never}
              footer={
                <InlineStack>
                  <Button url="/app/branding" variant="plain">
                    {text.storefront.manage}
                  </Button>
                </InlineStack>
              }
            />
            <HelpCard />
          </BlockStack>
        </Layout.Section>

        <Layout.Section>
          <PortalNumbersCard metrics={metrics} orders={exactOrders} />
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
