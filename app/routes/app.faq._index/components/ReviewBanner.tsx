import { Banner } from "@shopify/polaris";

import { adminText, formatCount } from "../../../i18n";

const text = adminText.faq.list;

/**
 * Articles still holding "[Review: …]" placeholders: those a publish just left as drafts, or else how many are
 * waiting, with a way to list the drafts.
 */
export function ReviewBanner({
  skipped,
  waiting,
  onShowDrafts,
}: {
  skipped: number;
  waiting: number;
  /** Absent while the drafts are already listed. */
  onShowDrafts?: () => void;
}) {
  if (skipped > 0) {
    return (
      <Banner tone="warning">
        <p>{formatCount(text.needsReviewSkipped, skipped)}</p>
      </Banner>
    );
  }
  if (waiting === 0) return null;
  return (
    <Banner
      tone="info"
      title={formatCount(text.reviewBannerTitle, waiting)}
      action={onShowDrafts ? { content: text.reviewBannerAction, onAction: onShowDrafts } : undefined}
    >
      <p>{text.reviewBannerBody}</p>
    </Banner>
  );
}
