import { BlockStack, Box, Checkbox, InlineError, InlineGrid } from "@shopify/polaris";

import { SectionCard } from "../../../components/SectionCard";
import { RESOLUTIONS } from "../../../features/policy/ReturnPolicy.shared";
import { adminText } from "../../../i18n";
import { FEE_KINDS, withResolution } from "../policy-draft";
import { FeeField, RESOLUTION_LABEL } from "./FeeField";
import type { SectionProps } from "./section-props";

const text = adminText.policy;

export function ResolutionsSection({ data, draft, edit, errors, errorAt }: SectionProps) {
  return (
    <SectionCard id="resolutions" title={text.resolutions.title} description={text.resolutions.description}>
      {RESOLUTIONS.map((resolution) => {
        const rules = draft.resolutions[resolution];
        return (
          <BlockStack gap="300" key={resolution}>
            <Checkbox
              label={RESOLUTION_LABEL[resolution]}
              checked={rules.enabled}
              onChange={(enabled) => edit((previous) => withResolution(previous, resolution, { enabled }))}
            />
            {rules.enabled ? (
              <Box paddingInlineStart="600">
                <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                  {FEE_KINDS.map((kind) => (
                    <FeeField
                      key={kind}
                      kind={kind}
                      resolution={resolution}
                      fee={rules[kind]}
                      currencyCode={data.currencyCode}
                      error={errorAt(`resolutions.${resolution}.${kind}`)}
                      onChange={(fee) => edit((previous) => withResolution(previous, resolution, { [kind]: fee }))}
                    />
                  ))}
                </InlineGrid>
              </Box>
            ) : null}
          </BlockStack>
        );
      })}
      {errors.resolutions ? <InlineError message={text.errors[errors.resolutions]} fieldID="resolutions" /> : null}
    </SectionCard>
  );
}
