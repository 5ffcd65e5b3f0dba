import { useEffect, useRef, useState } from "react";

import {
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  InlineStack,
  SkeletonBodyText,
  SkeletonDisplayText,
  Spinner,
  Text,
} from "@shopify/polaris";

import { adminText, format } from "../../../i18n";
import type { useBrandingPreview } from "../usePreview";

const text = adminText.branding.preview;
const PREVIEW_WIDTHS = { mobile: 375, desktop: 1280 } as const;
const PREVIEW_HEIGHT = 760;

/** What shoppers will see with the unsaved branding, at a phone's or a desktop's width. */
export function PreviewCard({
  preview,
  languageName,
}: {
  preview: ReturnType<typeof useBrandingPreview>;
  languageName: string;
}) {
  const [width, setWidth] = useState<keyof typeof PREVIEW_WIDTHS>("mobile");
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            {text.heading}
          </Text>
          <InlineStack gap="200" blockAlign="center" align="end">
            {preview.loading ? <Spinner size="small" accessibilityLabel={text.updating} /> : null}
            <div role="group" aria-label={text.width}>
              <ButtonGroup variant="segmented">
                <Button pressed={width === "mobile"} onClick={() => setWidth("mobile")}>
                  {text.mobile}
                </Button>
                <Button pressed={width === "desktop"} onClick={() => setWidth("desktop")}>
                  {text.desktop}
                </Button>
              </ButtonGroup>
            </div>
          </InlineStack>
        </InlineStack>
        <Text as="p" tone="subdued">
          {text.description}
        </Text>
        {preview.failed ? (
          <Banner tone="warning">
            <p>{text.failed}</p>
          </Banner>
        ) : null}
        {Object.keys(preview.fieldErrors).length > 0 ? (
          <Banner tone="info">
            <p>{text.fixFields}</p>
          </Banner>
        ) : null}
        {preview.html ? (
          <PreviewFrame
            html={preview.html}
            width={PREVIEW_WIDTHS[width]}
            title={format(text.frameTitle, { width: PREVIEW_WIDTHS[width], language: languageName })}
          />
        ) : (
          <BlockStack gap="300">
            <SkeletonDisplayText size="small" />
            <SkeletonBodyText lines={8} />
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

/** The preview frame, scaled down to its column when the chosen width does not fit. */
function PreviewFrame({ html, width, title }: { html: string; width: number; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState<number>(width);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setAvailable(entry?.contentRect.width ?? width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);
  const scale = Math.min(1, available / width);
  return (
    <div ref={container} style={{ inlineSize: "100%", blockSize: PREVIEW_HEIGHT * scale, overflow: "hidden" }}>
      <iframe
        title={title}
        sandbox=""
        srcDoc={html}
        style={{
          inlineSize: width,
          blockSize: PREVIEW_HEIGHT,
          border: "1px solid var(--p-color-border)",
          borderRadius: 8,
          transform: `scale(${scale})`,
          transformOrigin: "top left",
          background: "#ffffff",
          marginInline: scale === 1 ? "auto" : undefined,
          display: "block",
        }}
      />
    </div>
  );
}
