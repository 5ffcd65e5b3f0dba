import { Card, Layout, SkeletonBodyText, SkeletonDisplayText, Text } from "@shopify/polaris";

import { AdminPage } from "../../../components/AdminPage";
import { RetryBanner } from "../../../components/RetryBanner";
import { adminText } from "../../../i18n";

const text = adminText.policy;

/** While the saved policy and Shopify's reasons, collections and languages stream in. */
export function PolicySkeleton() {
  return (
    <AdminPage title={text.title} primaryAction={{ content: adminText.form.save, disabled: true }}>
      <Text as="p" visuallyHidden>
        {text.loading}
      </Text>
      <Layout>
        {[0, 1, 2].map((section) => (
          <Layout.AnnotatedSection key={section} title={<SkeletonDisplayText size="small" />}>
            <Card>
              <SkeletonBodyText lines={4} />
            </Card>
          </Layout.AnnotatedSection>
        ))}
      </Layout>
    </AdminPage>
  );
}

/** Shopify did not answer: the policy is safe, and the page can be loaded again. */
export function PolicyUnavailable() {
  return (
    <AdminPage title={text.title}>
      <RetryBanner title={text.banners.unavailableTitle} retryLabel={text.actions.tryAgain}>
        <p>{text.banners.unavailable}</p>
      </RetryBanner>
    </AdminPage>
  );
}
