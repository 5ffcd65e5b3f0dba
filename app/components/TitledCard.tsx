import type { ReactNode } from "react";

import { BlockStack, Card, Text } from "@shopify/polaris";

/** A card that opens with its heading (the page's h2), its content stacked below. */
export function TitledCard({
  title,
  gap = "300",
  children,
}: {
  title: string;
  gap?: "200" | "300" | "400";
  children: ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap={gap}>
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}
