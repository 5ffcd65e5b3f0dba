import { Banner, BlockStack, Text } from "@shopify/polaris";

import { adminText } from "../../../i18n";

const editor = adminText.faq.editor;

/** The "[Review: …]" parts of a starter article still to replace with the merchant's own policy. */
export function PlaceholdersBanner({ placeholders }: { placeholders: string[] }) {
  if (placeholders.length === 0) return null;
  return (
    <Banner tone="warning" title={editor.reviewTitle}>
      <BlockStack gap="200">
        <p>{editor.reviewBody}</p>
        <ul>
          {placeholders.map((placeholder) => (
            <li key={placeholder}>
              <Text as="span" fontWeight="semibold">
                {placeholder}
              </Text>
            </li>
          ))}
        </ul>
      </BlockStack>
    </Banner>
  );
}
