import { BlockStack, Box, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";

import { MarkdownField } from "../../../components/MarkdownField";
import type { ShopLocale } from "../../../shopify/shop-locales.server";
import { FAQ_LIMITS } from "../../../features/faq/Faq.shared";
import { adminText, format } from "../../../i18n";
import { EMPTY_TRANSLATION, type TranslationDraft } from "../article-draft";

const editor = adminText.faq.editor;

/** The article's text, one language at a time (every language is saved together), with the answer's preview. */
export function TranslationCard({
  locales,
  locale,
  onLocale,
  translations,
  stored,
  failedLocales,
  errorFor,
  onChange,
}: {
  locales: ShopLocale[];
  /** The language being edited. */
  locale: ShopLocale;
  onLocale: (locale: string) => void;
  translations: Record<string, TranslationDraft>;
  /** The saved answers, whose stored HTML is the preview while unchanged. */
  stored: Record<string, { answerMarkdown: string; answerHtml: string }>;
  failedLocales: ShopLocale[];
  errorFor: (field: string) => string | undefined;
  onChange: (patch: Partial<TranslationDraft>) => void;
}) {
  const primary = locales.find((item) => item.primary) ?? locales[0]!;
  const current = translations[locale.locale] ?? EMPTY_TRANSLATION;
  const saved = stored[locale.locale];
  const field = (name: keyof TranslationDraft) => errorFor(`translations.${locale.locale}.${name}`);
  return (
    <Card padding="0">
      <Box padding="400" paddingBlockEnd="0">
        <BlockStack gap="200">
          <Text as="h2" variant="headingSm">
            {editor.language}
          </Text>
          <InlineStack gap="200" wrap>
            {locales.map((item) => (
              <Button key={item.locale} pressed={item.locale === locale.locale} onClick={() => onLocale(item.locale)}>
                {languageLabel(item, translations[item.locale], failedLocales.includes(item))}
              </Button>
            ))}
          </InlineStack>
        </BlockStack>
      </Box>
      <Box padding="400">
        <BlockStack gap="400">
          {!locale.primary ? (
            <Text as="p" tone="subdued">
              {format(editor.optionalTranslation, { language: locale.name, primary: primary.name })}
            </Text>
          ) : null}
          <TextField
            label={editor.question}
            helpText={editor.questionHelp}
            value={current.question}
            onChange={(question) => onChange({ question })}
            error={field("question")}
            maxLength={FAQ_LIMITS.question}
            autoComplete="off"
          />
          <MarkdownField
            label={editor.answer}
            helpText={editor.answerHelp}
            value={current.answerMarkdown}
            onChange={(answerMarkdown) => onChange({ answerMarkdown })}
            error={field("answerMarkdown")}
            maxLength={FAQ_LIMITS.answerMarkdown}
            saved={saved ? { markdown: saved.answerMarkdown, html: saved.answerHtml } : undefined}
            previewHeading={editor.preview}
            emptyText={editor.previewEmpty}
          />
          <TextField
            label={editor.keywords}
            helpText={editor.keywordsHelp}
            value={current.keywords}
            onChange={(keywords) => onChange({ keywords })}
            error={field("keywords")}
            maxLength={FAQ_LIMITS.keywords}
            autoComplete="off"
          />
        </BlockStack>
      </Box>
    </Card>
  );
}

function languageLabel(locale: ShopLocale, translation: TranslationDraft | undefined, failed: boolean): string {
  if (failed) return format(editor.tabError, { language: locale.name });
  if (locale.primary) return format(editor.primaryLanguage, { language: locale.name });
  if (translation?.question || translation?.answerMarkdown) return locale.name;
  return format(editor.missingTranslation, { language: locale.name });
}
