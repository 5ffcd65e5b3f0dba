import { Badge, InlineStack, Text } from "@shopify/polaris";

import { TitledCard } from "../../../components/TitledCard";
import { adminText, format } from "../../../i18n";
import { eligibilityText, type InboxRequest } from "../request-detail";
import { ListField } from "./Field";

const detail = adminText.requests.detail;

/** What the shopper tried before writing: searches, FAQ articles opened, return checks. */
export function ContextCard({ context }: { context: InboxRequest["context"] }) {
  const triedNothing =
    context.searches.length === 0 && context.articles.length === 0 && context.eligibility.length === 0;
  return (
    <TitledCard title={detail.context} gap="300">
      {triedNothing ? (
        <Text as="p" tone="subdued">
          {detail.contextEmpty}
        </Text>
      ) : null}
      <ListField label={detail.searches} items={context.searches} render={(search) => `“${search}”`} />
      <ListField label={detail.articles} items={context.articles} render={(article) => article.title} />
      <ListField
        label={detail.eligibility}
        items={context.eligibility}
        render={(entry) => (
          <InlineStack gap="200" blockAlign="center">
            <Text as="span">
              {entry.line ? format(detail.eligibilityLine, { order: entry.order, line: entry.line }) : entry.order}
            </Text>
            <Badge tone={entry.eligible ? "success" : "warning"}>{eligibilityText(entry)}</Badge>
          </InlineStack>
        )}
      />
    </TitledCard>
  );
}
