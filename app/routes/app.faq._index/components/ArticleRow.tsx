import { Badge, BlockStack, Button, ButtonGroup, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";

import type { FaqListItem } from "../../../features/faq/Faq.server";
import { adminText, format } from "../../../i18n";
import { languageName, statusLabel } from "../faq-list";

const text = adminText.faq.list;

/** One article of the list: question (to its page), category, status, missing translations, and its place. */
export function ArticleRow({
  item,
  position,
  selected,
  locales,
  canMoveUp,
  canMoveDown,
  onMove,
}: {
  item: FaqListItem;
  position: number;
  selected: boolean;
  locales: { locale: string; name: string }[];
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: "up" | "down") => void;
}) {
  return (
    <IndexTable.Row id={item.id} position={position} selected={selected}>
      <IndexTable.Cell>
        <BlockStack gap="100">
          <Link url={`/app/faq/${item.id}`} removeUnderline dataPrimaryLink>
            <Text as="span" fontWeight="semibold">
              {item.question}
            </Text>
          </Link>
          {item.needsReview ? (
            <InlineStack>
              <Badge tone="attention">{text.needsReview}</Badge>
            </InlineStack>
          ) : null}
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{item.categoryTitle || text.noCategory}</IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={item.status === "published" ? "success" : undefined}>{statusLabel(item.status)}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {item.missingLocales.length > 0 ? (
          <Badge tone="warning">
            {format(text.missingTranslations, {
              locales: item.missingLocales.map((code) => languageName(locales, code)).join(", "),
            })}
          </Badge>
        ) : (
          <Text as="span" tone="subdued">
            {text.allTranslations}
          </Text>
        )}
      </IndexTable.Cell>
      <IndexTable.Cell>
        {/* Buttons inside a row must not also open the article. */}
        <div
          onClick={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
          role="presentation"
        >
          <ButtonGroup variant="segmented">
            <Button
              size="slim"
              disabled={!canMoveUp}
              accessibilityLabel={format(text.moveUp, { question: item.question })}
              onClick={() => onMove("up")}
            >
              ↑
            </Button>
            <Button
              size="slim"
              disabled={!canMoveDown}
              accessibilityLabel={format(text.moveDown, { question: item.question })}
              onClick={() => onMove("down")}
            >
              ↓
            </Button>
          </ButtonGroup>
        </div>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
