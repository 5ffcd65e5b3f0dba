import { BlockStack, Select, TextField } from "@shopify/polaris";

import type { Resolution } from "../../../features/policy/ReturnPolicy.shared";
import { adminText, format } from "../../../i18n";
import { withFeeType, type FeeDraft, type FeeKind, type FeeType } from "../policy-draft";

const text = adminText.policy.resolutions;

const LABELS: Record<FeeKind, { label: string; amountLabel: string; helpText: string }> = {
  restockingFee: {
    label: text.restockingFee,
    amountLabel: text.restockingFeeAmount,
    helpText: text.restockingFeeHelp,
  },
  returnShippingFee: {
    label: text.returnShippingFee,
    amountLabel: text.returnShippingFeeAmount,
    helpText: text.returnShippingFeeHelp,
  },
};

export const RESOLUTION_LABEL: Record<Resolution, string> = {
  refund: text.refund,
  storeCredit: text.storeCredit,
  exchange: text.exchange,
};

/** One fee of a resolution: its type (percentage or fixed amount) and its value. */
export function FeeField({
  kind,
  resolution,
  fee,
  currencyCode,
  error,
  onChange,
}: {
  kind: FeeKind;
  resolution: Resolution;
  fee: FeeDraft;
  currencyCode: string;
  error: string | undefined;
  onChange: (fee: FeeDraft) => void;
}) {
  const labels = LABELS[kind];
  return (
    <BlockStack gap="200">
      <Select
        label={labels.label}
        options={[
          { label: text.feeTypePercentage, value: "percentage" },
          { label: text.feeTypeFixed, value: "fixed" },
        ]}
        value={fee.type}
        onChange={(type) => onChange(withFeeType(fee, type as FeeType))}
      />
      <TextField
        // The visible label is the type's; the amount is named for screen readers with its resolution.
        label={format(labels.amountLabel, { resolution: RESOLUTION_LABEL[resolution] })}
        labelHidden
        helpText={labels.helpText}
        inputMode="decimal"
        suffix={fee.type === "percentage" ? text.percentSuffix : currencyCode}
        value={fee.value}
        onChange={(value) => onChange({ ...fee, value })}
        error={error}
        autoComplete="off"
      />
    </BlockStack>
  );
}
