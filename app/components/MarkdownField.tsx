import { useEffect } from "react";

import { useFetcher } from "@remix-run/react";
import { BlockStack, Box, Text, TextField } from "@shopify/polaris";

import { adminText } from "../i18n";
import { JSON_POST } from "./form";

const PREVIEW_ROUTE = "/app/markdown-preview";
const TYPING_PAUSE_MS = 350;

export interface MarkdownFieldProps {
  label: string;
  helpText?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  maxLength: number;
  /** The stored text and its stored HTML: shown as the preview without a request while the text is unchanged. */
  saved?: { markdown: string; html: string };
  previewHeading: string;
  /** What the preview says when there is nothing to show. */
  emptyText: string;
}

/**
 * Merchant Markdown with a live preview of what shoppers will get: the same server-side renderer and allow-list
 * as the published text (`/app/markdown-preview`), asked a moment after typing stops.
 */
export function MarkdownField({
  label,
  helpText,
  value,
  onChange,
  error,
  maxLength,
  saved,
  previewHeading,
  emptyText,
}: MarkdownFieldProps) {
  const preview = useFetcher<{ markdown: string; html: string }>();
  const unchanged = saved !== undefined && value === saved.markdown;
  const { submit } = preview;
  useEffect(() => {
    if (!value.trim() || unchanged) return;
    const timer = setTimeout(
      () => submit({ markdown: value }, { ...JSON_POST, action: PREVIEW_ROUTE }),
      TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [value, unchanged, submit]);

  const html = unchanged ? saved.html : preview.data?.markdown === value ? preview.data.html : "";
  return (
    <BlockStack gap="400">
      <TextField
        label={label}
        helpText={helpText}
        value={value}
        onChange={onChange}
        error={error}
        multiline={8}
        maxLength={maxLength}
        monospaced
        autoComplete="off"
      />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {previewHeading}
        </Text>
        <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200" minHeight="60px">
          {value.trim() && html ? (
            // Sanitized on the server by renderMarkdown, the allow-list shoppers get.
            <div className="resolve-markdown-preview" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <Text as="p" tone="subdued">
              {value.trim() && preview.state !== "idle" ? adminText.form.previewLoading : emptyText}
            </Text>
          )}
        </Box>
      </BlockStack>
    </BlockStack>
  );
}
