import { Card, EmptyState } from "@shopify/polaris";

import { adminText } from "../../../i18n";

const text = adminText.faq.empty;

const EMPTY_IMAGE =
  "data:image/svg+xml;charset=utf-8," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226"><circle cx="113" cy="113" r="100" fill="#e3f1df"/><rect x="63" y="70" width="100" height="18" rx="9" fill="#1f4d3a"/><rect x="63" y="102" width="80" height="12" rx="6" fill="#8bbd8b"/><rect x="63" y="126" width="90" height="12" rx="6" fill="#8bbd8b"/><rect x="63" y="150" width="60" height="12" rx="6" fill="#8bbd8b"/></svg>',
  );

/** A shop without articles: start from the starter articles, or write one. */
export function EmptyFaq({ addingStarter, onAddStarter }: { addingStarter: boolean; onAddStarter: () => void }) {
  return (
    <Card>
      <EmptyState
        heading={text.heading}
        image={EMPTY_IMAGE}
        action={{ content: text.starter, loading: addingStarter, onAction: onAddStarter }}
        secondaryAction={{ content: text.write, url: "/app/faq/new" }}
      >
        <p>{text.body}</p>
      </EmptyState>
    </Card>
  );
}
