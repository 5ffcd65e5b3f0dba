import type { ReactNode } from "react";

import { TitleBar } from "@shopify/app-bridge-react";
import { Page, Text, type PageProps } from "@shopify/polaris";

type AdminPageProps = Omit<PageProps, "title" | "children"> & { title: string; children?: ReactNode };

/**
 * A page of the embedded admin. Inside Shopify's admin the App Bridge title bar is the page's title (the admin
 * draws it above the app's frame), so Polaris draws none of its own: the title would show twice. The frame's
 * document still starts its outline with the title as its one h1, visually hidden, for screen readers.
 */
export function AdminPage({ title, children, ...page }: AdminPageProps) {
  return (
    <Page {...page}>
      <TitleBar title={title} />
      <Text as="h1" variant="headingLg" visuallyHidden>
        {title}
      </Text>
      {children}
    </Page>
  );
}
