import { Checkbox, InlineError, InlineStack, Text } from "@shopify/polaris";

import { SectionCard } from "../../../components/SectionCard";
import { adminText } from "../../../i18n";
import { withReason } from "../policy-draft";
import type { SectionProps } from "./section-props";

const text = adminText.policy.reasons;

/** Shopify's return reasons: which ones shoppers may pick, and which ask for a note. */
export function ReasonsSection({ data, draft, edit, errorAt }: SectionProps) {
  const error = errorAt("reasons");
  return (
    <SectionCard id="reasons" title={text.title} description={text.description}>
      {data.reasons.length === 0 ? <Text as="p">{text.empty}</Text> : null}
      {data.reasons.map((reason) => {
        const state = draft.reasons[reason.id] ?? { offered: false, noteRequired: false };
        return (
          <InlineStack key={reason.id} gap="400" align="space-between" blockAlign="center" wrap>
            <Checkbox
              label={reason.name}
              checked={state.offered}
              onChange={(offered) => edit((previous) => withReason(previous, reason.id, { offered }))}
            />
            <Checkbox
              label={
                <>
                  {text.requireNote}
                  <Text as="span" visuallyHidden>
                    {` (${reason.name})`}
                  </Text>
                </>
              }
              checked={state.noteRequired}
              disabled={!state.offered}
              onChange={(noteRequired) => edit((previous) => withReason(previous, reason.id, { noteRequired }))}
            />
          </InlineStack>
        );
      })}
      {error ? <InlineError message={error} fieldID="reasons" /> : null}
    </SectionCard>
  );
}
