import type { ReactNode } from "react";

import { useRevalidator } from "@remix-run/react";
import { Banner } from "@shopify/polaris";

import { adminText } from "../i18n";

/**
 * What a page says when Shopify did not answer its loader (busy, throttled, down): a warning with a way out that
 * loads the page's data again, busy while it does.
 */
export function RetryBanner({
  title,
  retryLabel = adminText.errors.tryAgain,
  children,
}: {
  title: string;
  retryLabel?: string;
  children: ReactNode;
}) {
  const revalidator = useRevalidator();
  return (
    <Banner
      tone="warning"
      title={title}
      action={{
        content: retryLabel,
        loading: revalidator.state === "loading",
        onAction: () => revalidator.revalidate(),
      }}
    >
      {children}
    </Banner>
  );
}
