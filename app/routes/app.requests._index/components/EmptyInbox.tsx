import { BlockStack, Card, EmptyState } from "@shopify/polaris";

import { adminText } from "../../../i18n";

const text = adminText.requests.empty;

const EMPTY_IMAGE =
  "data:image/svg+xml;charset=utf-8," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226"><circle cx="113" cy="113" r="100" fill="#e3f1df"/><rect x="58" y="72" width="110" height="76" rx="10" fill="#1f4d3a"/><path d="M62 80l51 38 51-38" stroke="#8bbd8b" stroke-width="8" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  );

/** No shopper has written yet: where requests come from, and the way to set the portal up. */
export function EmptyInbox() {
  return (
    <Card>
      <EmptyState heading={text.heading} image={EMPTY_IMAGE} action={{ content: text.action, url: "/app" }}>
        <BlockStack gap="200">
          <p>{text.body}</p>
          <p>{text.secondaryBody}</p>
        </BlockStack>
      </EmptyState>
    </Card>
  );
}
