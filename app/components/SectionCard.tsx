import type { ReactNode } from "react";

import { BlockStack, Card, Layout } from "@shopify/polaris";

/** A settings section of an admin form: title and description beside a card of fields (Polaris annotated layout). */
export function SectionCard({
  id,
  title,
  description,
  padding,
  children,
}: {
  id?: string;
  title: string;
  description?: ReactNode;
  /** "0" for a card whose content draws its own padding (tabs). */
  padding?: "0";
  children: ReactNode;
}) {
  return (
    <Layout.AnnotatedSection id={id} title={title} description={description}>
      <Card padding={padding}>{padding === "0" ? children : <BlockStack gap="400">{children}</BlockStack>}</Card>
    </Layout.AnnotatedSection>
  );
}
