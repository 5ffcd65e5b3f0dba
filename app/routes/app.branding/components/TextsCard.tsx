import { BlockStack, Box, Tabs, TextField } from "@shopify/polaris";

import { BRANDING_LIMITS } from "../../../features/branding/Branding.shared";
import { adminText, format } from "../../../i18n";
import { withTexts } from "../branding-draft";
import { TitledCard } from "../../../components/TitledCard";
import type { BrandingFormProps } from "./form-props";

const text = adminText.branding.texts;

/**
 * The portal's heading and introduction, one tab per shop language; a blank field shows the portal's own wording
 * in that language as its placeholder. The tab chosen is also the language the preview shows.
 */
export function TextsCard({
  draft,
  edit,
  errorText,
  locales,
  defaults,
  selected,
  onSelect,
}: BrandingFormProps & {
  locales: { locale: string; name: string; primary: boolean }[];
  defaults: Record<string, { heading: string; intro: string }>;
  selected: number;
  onSelect: (index: number) => void;
}) {
  const locale = locales[selected]?.locale ?? "en";
  const texts = draft.texts[locale] ?? { heading: "", intro: "" };
  const tabs = locales.map((item) => ({
    id: `branding-texts-${item.locale}`,
    content: item.primary ? format(text.primary, { language: item.name }) : item.name,
  }));
  return (
    <TitledCard title={text.heading} gap="300" description={text.description}>
      <Tabs tabs={tabs} selected={selected} onSelect={onSelect}>
        <Box paddingBlockStart="300">
          <BlockStack gap="300">
            <TextField
              label={text.headingLabel}
              name={`texts.${locale}.heading`}
              autoComplete="off"
              value={texts.heading}
              onChange={(heading) => edit((previous) => withTexts(previous, locale, { heading }))}
              placeholder={defaults[locale]?.heading}
              maxLength={BRANDING_LIMITS.heading}
              showCharacterCount
              error={errorText(`texts.${locale}.heading`)}
            />
            <TextField
              label={text.introLabel}
              name={`texts.${locale}.intro`}
              autoComplete="off"
              multiline={3}
              value={texts.intro}
              onChange={(intro) => edit((previous) => withTexts(previous, locale, { intro }))}
              placeholder={defaults[locale]?.intro}
              maxLength={BRANDING_LIMITS.intro}
              showCharacterCount
              error={errorText(`texts.${locale}.intro`)}
            />
          </BlockStack>
        </Box>
      </Tabs>
    </TitledCard>
  );
}
