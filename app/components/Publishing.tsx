import { useFetcher } from "@remix-run/react";
import { Banner, Button, InlineStack, Text } from "@shopify/polaris";

import type { PublishResult } from "../features/publishing/publish-storefront-snapshot.server";
import { adminText, format } from "../i18n";
import { JSON_POST } from "./form";
import { TitledCard } from "./TitledCard";
import { useToasts } from "./useToasts";

const text = adminText.publishing;

/** Publishing again from any page: one route, one answer shape (`app.publish.ts`). */
function usePublishAgain() {
  const fetcher = useFetcher<{ publish: PublishResult }>();
  useToasts(fetcher.data);
  return {
    result: fetcher.data?.publish,
    busy: fetcher.state !== "idle",
    publish: () => fetcher.submit({}, { ...JSON_POST, action: "/app/publish" }),
  };
}

/**
 * The outcome of publishing after a save: the change is saved either way; a failure says why, with a way to
 * publish again. Success shows only where the page asks for it.
 */
export function PublishOutcomeBanner({
  publish,
  failedTitle = text.savedNotLiveTitle,
  showSuccess = false,
}: {
  publish: PublishResult | null | undefined;
  failedTitle?: string;
  showSuccess?: boolean;
}) {
  const again = usePublishAgain();
  const result = again.result ?? publish;
  if (!result) return null;
  if (result.ok) return showSuccess ? <Banner tone="success" title={text.publishedTitle} /> : null;
  return (
    <Banner
      tone="warning"
      title={failedTitle}
      action={{ content: text.publishAgain, loading: again.busy, onAction: again.publish }}
    >
      <p>{format(text.failedBody, { error: result.error })}</p>
    </Banner>
  );
}

export interface PublishStatus {
  status: string;
  error: string | null;
  /** When the storefront last took a snapshot, already in the merchant's words (date and time zone). */
  publishedLabel: string | null;
}

/**
 * A stored publish status as the card shows it, for a loader to return: the last publish's date in UTC, the same
 * text on the server and in the browser.
 */
export function toPublishStatus(stored: { status: string; error: string | null; publishedAt: string | null }) {
  const publishedLabel = stored.publishedAt
    ? `${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(stored.publishedAt))} UTC`
    : null;
  return { status: stored.status, error: stored.error, publishedLabel } satisfies PublishStatus;
}

/** Where the storefront stands: last publish, the last failure, and "Publish now". */
export function PublishStatusCard({
  status,
  heading = text.heading,
  neverText,
  canPublish = true,
  footer,
}: {
  status: PublishStatus;
  heading?: string;
  neverText: string;
  /** False while the page holds unsaved changes: publishing would not include them. */
  canPublish?: boolean;
  footer?: React.ReactNode;
}) {
  const again = usePublishAgain();
  const failed = again.result ? !again.result.ok : status.status === "failed";
  const error = again.result && !again.result.ok ? again.result.error : status.error;
  return (
    <TitledCard title={heading}>
      {failed && error ? (
        <Banner
          tone="critical"
          title={text.failedTitle}
          action={{ content: text.publishNow, loading: again.busy, onAction: again.publish }}
        >
          <p>{error}</p>
        </Banner>
      ) : null}
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="p" tone={status.publishedLabel ? undefined : "subdued"}>
          {status.publishedLabel ? format(text.published, { date: status.publishedLabel }) : neverText}
        </Text>
        {!failed ? (
          <Button onClick={again.publish} loading={again.busy} disabled={!canPublish}>
            {text.publishNow}
          </Button>
        ) : null}
      </InlineStack>
      {footer}
    </TitledCard>
  );
}
