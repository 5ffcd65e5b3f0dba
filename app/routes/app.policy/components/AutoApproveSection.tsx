import { BlockStack, Checkbox, ChoiceList, InlineGrid, Text, TextField } from "@shopify/polaris";

import { SectionCard } from "../../../components/SectionCard";
import { adminText, format } from "../../../i18n";
import { withAutoApprove } from "../policy-draft";
import type { SectionProps } from "./section-props";

const text = adminText.policy.autoApprove;

export function AutoApproveSection({ data, draft, edit, errorAt }: SectionProps) {
  const rules = draft.autoApprove;
  const offered = data.reasons.filter((reason) => draft.reasons[reason.id]?.offered);
  const change = (patch: Parameters<typeof withAutoApprove>[1]) => edit((previous) => withAutoApprove(previous, patch));
  return (
    <SectionCard id="auto-approve" title={text.title} description={text.description}>
      <Checkbox label={text.enabled} checked={rules.enabled} onChange={(enabled) => change({ enabled })} />
      {rules.enabled ? (
        <BlockStack gap="400">
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <TextField
              label={text.withinDays}
              helpText={text.withinDaysHelp}
              type="number"
              min={1}
              suffix={adminText.policy.window.daysSuffix}
              value={rules.withinDays}
              onChange={(withinDays) => change({ withinDays })}
              error={errorAt("autoApprove.withinDays")}
              autoComplete="off"
            />
            <TextField
              label={text.maxOrderValue}
              helpText={format(text.maxOrderValueHelp, { currency: data.currencyCode })}
              inputMode="decimal"
              suffix={data.currencyCode}
              value={rules.maxOrderValue}
              onChange={(maxOrderValue) => change({ maxOrderValue })}
              error={errorAt("autoApprove.maxOrderValue")}
              autoComplete="off"
            />
          </InlineGrid>
          {offered.length > 0 ? (
            <ChoiceList
              allowMultiple
              title={text.reviewReasons}
              choices={offered.map((reason) => ({ label: reason.name, value: reason.id }))}
              selected={rules.reviewReasonIds.filter((id) => draft.reasons[id] !== undefined)}
              onChange={(reviewReasonIds) => change({ reviewReasonIds })}
              error={errorAt("autoApprove.reviewReasonIds")}
            />
          ) : (
            <Text as="p" tone="subdued">
              {text.noReasonsToReview}
            </Text>
          )}
        </BlockStack>
      ) : null}
    </SectionCard>
  );
}
