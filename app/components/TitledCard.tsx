import type { ReactNode } from "react";

import { BlockStack, Card, Text, type BlockStackProps } from "@shopify/polaris";

/** A card of an admin page: its title as the section's heading, an optional line under it, then its content. */
export function TitledCard({
  title,
  description,
  gap = "200",
  children,
}: {
  title: string;
  description?: string;
  /** Space between the title and each piece of content. */
  gap?: BlockStackProps["gap"];
  children: ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap={gap}>
        {description ? (
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {title}
            </Text>
            <Text as="p" tone="subdued">
              {description}
            </Text>
          </BlockStack>
        ) : (
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
        )}
        {children}
      </BlockStack>
    </Card>
  );
}
