import { Banner, BlockStack, TextField } from "@shopify/polaris";

import type { ContrastWarning } from "../../../features/branding/Branding.server";
import { adminText, format } from "../../../i18n";
import { TitledCard } from "../../../components/TitledCard";
import type { BrandingFormProps } from "./form-props";

const text = adminText.branding.colors;

const COLOR_FIELDS = [
  { name: "accentColor", label: text.accent, helpText: text.accentHelp },
  { name: "textOnAccentColor", label: text.textOnAccent, helpText: text.textOnAccentHelp },
] as const;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The value a native colour input accepts (#rrggbb), for a valid draft colour. */
function sixDigitHex(color: string): string | null {
  const value = color.trim().toLowerCase();
  if (!HEX_COLOR.test(value)) return null;
  return value.length === 4 ? `#${value[1]}${value[1]}${value[2]}${value[2]}${value[3]}${value[3]}` : value;
}

/** The portal's colours, typed or picked, with a warning when a pair is hard to read. */
export function ColorsCard({ draft, edit, errorText, warnings }: BrandingFormProps & { warnings: ContrastWarning[] }) {
  return (
    <TitledCard title={text.heading} gap="300">
      {COLOR_FIELDS.map(({ name, label, helpText }) => (
        <ColorField
          key={name}
          name={name}
          label={label}
          helpText={helpText}
          value={draft[name]}
          error={errorText(name)}
          onChange={(value) => edit((previous) => ({ ...previous, [name]: value }))}
        />
      ))}
      {warnings.length > 0 ? (
        <Banner tone="warning" title={text.contrastTitle}>
          <BlockStack gap="100">
            {warnings.map((warning) => (
              <p key={warning.pair}>
                {format(warning.pair === "textOnAccent" ? text.textOnAccentWarning : text.accentOnWhiteWarning, {
                  ratio: warning.ratio.toFixed(2),
                  required: warning.required,
                })}
              </p>
            ))}
            <p>{text.contrastNote}</p>
          </BlockStack>
        </Banner>
      ) : null}
    </TitledCard>
  );
}

function ColorField(props: {
  name: string;
  label: string;
  helpText: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const hex = sixDigitHex(props.value);
  return (
    <TextField
      label={props.label}
      name={props.name}
      autoComplete="off"
      value={props.value}
      onChange={props.onChange}
      helpText={props.helpText}
      error={props.error}
      maxLength={32}
      prefix={
        <span
          aria-hidden="true"
          style={{
            display: "block",
            width: 20,
            height: 20,
            borderRadius: 4,
            border: "1px solid rgba(0, 0, 0, 0.25)",
            background: hex ?? "transparent",
          }}
        />
      }
      connectedRight={
        <input
          type="color"
          aria-label={format(text.pick, { label: props.label.toLowerCase() })}
          value={hex ?? "#000000"}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          style={{ inlineSize: 44, blockSize: 36, padding: 2, border: 0, background: "transparent", cursor: "pointer" }}
        />
      }
    />
  );
}
