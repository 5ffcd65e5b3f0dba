import { Badge, BlockStack, Box, Button, Card, Divider, InlineStack, ProgressBar, Text } from "@shopify/polaris";

import type { ChecklistItem, SetupChecklist } from "../../../features/setup/setup-checklist.server";
import { adminText, format } from "../../../i18n";

const text = adminText.home.checklist;

/** The setup steps, read from what is true now, each with the way to its fix. */
export function SetupChecklistCard({ checklist }: { checklist: SetupChecklist }) {
  const allDone = checklist.doneCount === checklist.total;
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd" id="setup-checklist-heading">
            {text.heading}
          </Text>
          <InlineStack gap="300" blockAlign="center" align="start" wrap={false}>
            <div style={{ whiteSpace: "nowrap" }}>
              <Text as="p" id="setup-checklist-progress">
                {format(text.progress, { done: checklist.doneCount, total: checklist.total })}
              </Text>
            </div>
            <Box width="100%">
              <ProgressBar
                progress={Math.round((checklist.doneCount / checklist.total) * 100)}
                size="small"
                tone={allDone ? "success" : "highlight"}
                ariaLabelledBy="setup-checklist-progress"
              />
            </Box>
          </InlineStack>
          {allDone ? (
            <Text as="p" tone="success">
              {text.allDone}
            </Text>
          ) : null}
        </BlockStack>
        <div role="list" aria-labelledby="setup-checklist-heading">
          {checklist.items.map((item, index) => (
            <div role="listitem" key={item.id} data-checklist-item={item.id}>
              {index > 0 ? <Divider /> : null}
              <ChecklistRow item={item} theme={checklist.theme} />
            </div>
          ))}
        </div>
      </BlockStack>
    </Card>
  );
}

type ThemeState = SetupChecklist["theme"];

function itemTexts(item: ChecklistItem, theme: ThemeState) {
  if (item.id !== "block") return text[item.id];
  const values = { theme: theme.themeName ?? text.block.themeFallback, file: theme.filename ?? "" };
  const body =
    theme.state === "active"
      ? text.block.bodyActive
      : theme.state === "disabled"
        ? text.block.bodyDisabled
        : theme.state === "unknown"
          ? text.block.bodyUnknown
          : text.block.bodyMissing;
  return {
    title: text.block.title,
    body: format(body, values),
    action: theme.state === "missing" ? text.block.action : text.block.actionDisabled,
  };
}

function ChecklistRow({ item, theme }: { item: ChecklistItem; theme: ThemeState }) {
  const { title, body, action } = itemTexts(item, theme);
  return (
    <Box paddingBlock="300">
      <InlineStack align="space-between" blockAlign="start" gap="300" wrap={false}>
        <BlockStack gap="100">
          {/* align is set: InlineStack would otherwise inherit the row's space-between. */}
          <InlineStack gap="200" blockAlign="center" align="start">
            <Text as="h3" variant="headingSm">
              {title}
            </Text>
            {item.done === true ? (
              <Badge tone="success">{text.done}</Badge>
            ) : item.done === false ? (
              <Badge tone="attention">{text.notDone}</Badge>
            ) : (
              <Badge>{text.unknown}</Badge>
            )}
          </InlineStack>
          <Text as="p" tone="subdued">
            {body}
          </Text>
        </BlockStack>
        {item.done === true && item.id !== "block" ? null : (
          <div style={{ whiteSpace: "nowrap" }}>
            <Button
              url={item.href}
              target={item.external ? "_top" : undefined}
              variant={item.done === true ? "tertiary" : "secondary"}
              accessibilityLabel={`${action}: ${title}`}
            >
              {action}
            </Button>
          </div>
        )}
      </InlineStack>
    </Box>
  );
}
