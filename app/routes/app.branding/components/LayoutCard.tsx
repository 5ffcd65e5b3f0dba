import { ChoiceList, RangeSlider, Text } from "@shopify/polaris";

import { BRANDING_LIMITS, type Density } from "../../../features/branding/Branding.shared";
import { adminText, format } from "../../../i18n";
import { TitledCard } from "../../../components/TitledCard";
import type { BrandingFormProps } from "./form-props";

const text = adminText.branding.layout;

export function LayoutCard({ draft, edit, errorText }: BrandingFormProps) {
  return (
    <TitledCard title={text.heading} gap="300">
      <RangeSlider
        label={text.radius}
        min={BRANDING_LIMITS.radiusMin}
        max={BRANDING_LIMITS.radiusMax}
        step={1}
        value={draft.radius}
        onChange={(radius) => edit((previous) => ({ ...previous, radius: Number(radius) }))}
        output
        suffix={
          <Text as="span" variant="bodyMd">
            {format(text.radiusValue, { value: draft.radius })}
          </Text>
        }
        error={errorText("radius")}
      />
      <ChoiceList
        title={text.density}
        choices={[
          { label: text.comfortable, value: "comfortable", helpText: text.comfortableHelp },
          { label: text.compact, value: "compact", helpText: text.compactHelp },
        ]}
        selected={[draft.density]}
        onChange={([density]) => edit((previous) => ({ ...previous, density: (density ?? "comfortable") as Density }))}
        error={errorText("density")}
      />
    </TitledCard>
  );
}
