import { Banner, Text } from "@shopify/polaris";

import { PublishOutcomeBanner } from "../../../components/Publishing";
import type { PolicyPageData } from "../../../features/policy/return-policy-page.server";
import type { PublishResult } from "../../../features/publishing/publish-storefront-snapshot.server";
import { adminText, format } from "../../../i18n";

const text = adminText.policy.banners;

/** What the page says above the form: the last save's outcome, then the state of the saved policy. */
export function PolicyBanners({
  data,
  errorCount,
  saveUnavailable,
  publish,
}: {
  data: PolicyPageData;
  errorCount: number;
  saveUnavailable: boolean;
  /** The publish that followed a save just made. */
  publish: PublishResult | undefined;
}) {
  const reviewedOn = data.reviewedAt
    ? new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: data.timezone }).format(new Date(data.reviewedAt))
    : null;
  return (
    <>
      {errorCount > 0 ? (
        <Banner tone="critical" title={text.fixErrorsTitle}>
          <p>{format(text.fixErrors, { count: errorCount })}</p>
        </Banner>
      ) : null}
      {saveUnavailable ? (
        <Banner tone="warning" title={text.saveUnavailableTitle}>
          <p>{text.saveUnavailable}</p>
        </Banner>
      ) : null}
      <PublishOutcomeBanner publish={publish} failedTitle={text.publishFailedTitle} showSuccess />
      {data.unreadable ? (
        <Banner tone="critical" title={text.unreadableTitle}>
          <p>{text.unreadable}</p>
        </Banner>
      ) : !data.saved ? (
        <Banner tone="info" title={text.notReviewedTitle}>
          <p>{text.notReviewed}</p>
        </Banner>
      ) : null}
      {data.withdrawnReasons > 0 ? (
        <Banner tone="info">
          <p>{format(text.withdrawnReasons, { count: data.withdrawnReasons })}</p>
        </Banner>
      ) : null}
      {reviewedOn && !publish ? (
        <Text as="p" tone="subdued">
          {format(text.reviewedOn, { date: reviewedOn })}
        </Text>
      ) : null}
    </>
  );
}
