import type { ReactNode } from "react";

import { useActionData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Page, Text, type PageProps } from "@shopify/polaris";

import { useToasts } from "./useToasts";

type AdminPageProps = Omit<PageProps, "title" | "children"> & { title: string; children?: ReactNode };

/**
 * A page of the embedded admin. Inside Shopify's admin the App Bridge title bar is the page's title (the admin
 * draws it above the app's frame), so Polaris draws none of its own: the title would show twice. The frame's
 * document still starts its outline with the title as its one h1, visually hidden, for screen readers.
 * The toast of the route's action answer shows here (toasts as data: `components/toast.ts`).
 */
export function AdminPage({ title, children, ...page }: AdminPageProps) {
  useToasts(useActionData());
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
