import { Select, TextField } from "@shopify/polaris";

import { SectionCard } from "../../../components/SectionCard";
import { POLICY_LIMITS, type WindowStart } from "../../../features/policy/ReturnPolicy.shared";
import { adminText } from "../../../i18n";
import type { SectionProps } from "./section-props";

const text = adminText.policy.window;

export function WindowSection({ draft, edit, errorAt }: SectionProps) {
  return (
    <SectionCard id="window" title={text.title} description={text.description}>
      <TextField
        label={text.days}
        type="number"
        min={POLICY_LIMITS.windowDays.min}
        max={POLICY_LIMITS.windowDays.max}
        suffix={text.daysSuffix}
        value={draft.windowDays}
        onChange={(windowDays) => edit((previous) => ({ ...previous, windowDays }))}
        error={errorAt("windowDays")}
        autoComplete="off"
      />
      <Select
        label={text.startsAt}
        options={[
          { label: text.startsAtDelivery, value: "delivery" },
          { label: text.startsAtFulfillment, value: "fulfillment" },
        ]}
        value={draft.windowStartsAt}
        onChange={(value) => edit((previous) => ({ ...previous, windowStartsAt: value as WindowStart }))}
        helpText={draft.windowStartsAt === "delivery" ? text.startsAtDeliveryHelp : undefined}
        error={errorAt("windowStartsAt")}
      />
    </SectionCard>
  );
}
