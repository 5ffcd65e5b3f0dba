import type { ReactNode } from "react";

import { BlockStack, List, Text } from "@shopify/polaris";

/** A labelled value on a request's page. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {label}
      </Text>
      {children}
    </BlockStack>
  );
}

/** A labelled list, left out when it is empty. Stored lists never change order, so positions are their keys. */
export function ListField<Item>({
  label,
  items,
  render,
}: {
  label: string;
  items: Item[];
  render: (item: Item) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Field label={label}>
      <List type="bullet">
        {items.map((item, index) => (
          <List.Item key={index}>{render(item)}</List.Item>
        ))}
      </List>
    </Field>
  );
}
