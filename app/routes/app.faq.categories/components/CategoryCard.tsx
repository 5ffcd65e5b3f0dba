import { BlockStack, Button, ButtonGroup, Card, InlineStack, Text, TextField } from "@shopify/polaris";

import { FAQ_LIMITS } from "../../../features/faq/Faq.shared";
import { adminText, format, formatCount } from "../../../i18n";
import type { CategoryDraft } from "../categories-draft";

const text = adminText.faq.categories;

/** One category: its place (move up, down, remove) and its title in each of the shop's languages. */
export function CategoryCard({
  category,
  position,
  last,
  locales,
  errorFor,
  onMove,
  onRemove,
  onTitle,
}: {
  category: CategoryDraft;
  /** 1 for the first. */
  position: number;
  last: boolean;
  locales: { locale: string; name: string }[];
  errorFor: (locale: string) => string | undefined;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  onTitle: (locale: string, title: string) => void;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingSm">
              {format(text.heading, { position })}
            </Text>
            <Text as="span" tone="subdued">
              {formatCount(text.articles, category.articleCount)}
            </Text>
          </InlineStack>
          <ButtonGroup>
            <Button
              size="slim"
              disabled={position === 1}
              accessibilityLabel={format(text.moveUp, { position })}
              onClick={() => onMove(-1)}
            >
              ↑
            </Button>
            <Button
              size="slim"
              disabled={last}
              accessibilityLabel={format(text.moveDown, { position })}
              onClick={() => onMove(1)}
            >
              ↓
            </Button>
            <Button
              size="slim"
              tone="critical"
              accessibilityLabel={format(text.remove, { position })}
              onClick={onRemove}
            >
              {text.removeShort}
            </Button>
          </ButtonGroup>
        </InlineStack>
        {locales.map((locale) => (
          <TextField
            key={locale.locale}
            label={format(text.titleLabel, { language: locale.name })}
            value={category.titles[locale.locale] ?? ""}
            onChange={(title) => onTitle(locale.locale, title)}
            maxLength={FAQ_LIMITS.categoryTitle}
            error={errorFor(locale.locale)}
            autoComplete="off"
          />
        ))}
      </BlockStack>
    </Card>
  );
}
