import { useState } from "react";

import { Box, Tabs } from "@shopify/polaris";

import { MarkdownField } from "../../../components/MarkdownField";
import { SectionCard } from "../../../components/SectionCard";
import { POLICY_LIMITS } from "../../../features/policy/ReturnPolicy.shared";
import { adminText, format } from "../../../i18n";
import type { SectionProps } from "./section-props";

const text = adminText.policy.text;

const FALLBACK_LOCALES = [{ locale: "en", name: "English", primary: true }];

/** The policy text shoppers read, one tab per shop language, each with its live preview. */
export function PolicyTextSection({ data, draft, edit, errorAt }: SectionProps) {
  const [tab, setTab] = useState(0);
  const locales = data.locales.length > 0 ? data.locales : FALLBACK_LOCALES;
  const selected = Math.min(tab, locales.length - 1);
  const locale = locales[selected]!;
  const primary = locales.find((candidate) => candidate.primary) ?? locales[0]!;
  const markdown = draft.policyText[locale.locale] ?? "";
  const fallsBack = !locale.primary && Boolean(draft.policyText[primary.locale]?.trim());

  const tabs = locales.map((item) => {
    const label = errorAt(`policyText.${item.locale}`)
      ? format(text.withErrors, { language: item.name })
      : item.primary
        ? format(text.primary, { language: item.name })
        : draft.policyText[item.locale]?.trim()
          ? item.name
          : format(text.emptyLanguage, { language: item.name });
    return { id: `policy-text-${item.locale}`, content: label, panelID: `policy-text-panel-${item.locale}` };
  });

  return (
    <SectionCard id="policy-text" title={text.title} description={text.description} padding="0">
      <Tabs tabs={tabs} selected={selected} onSelect={setTab}>
        <Box padding="400" id={`policy-text-panel-${locale.locale}`}>
          <MarkdownField
            label={format(text.label, { language: locale.name })}
            helpText={format(text.help, {
              count: markdown.length.toLocaleString("en"),
              max: POLICY_LIMITS.policyText.toLocaleString("en"),
            })}
            value={markdown}
            onChange={(value) =>
              edit((previous) => ({ ...previous, policyText: { ...previous.policyText, [locale.locale]: value } }))
            }
            error={errorAt(`policyText.${locale.locale}`)}
            maxLength={POLICY_LIMITS.policyText}
            saved={{
              markdown: data.policy.policyText[locale.locale] ?? "",
              html: data.previewHtml[locale.locale] ?? "",
            }}
            previewHeading={text.preview}
            emptyText={fallsBack ? format(text.previewFallback, { language: locale.name }) : text.previewEmpty}
          />
        </Box>
      </Tabs>
    </SectionCard>
  );
}
