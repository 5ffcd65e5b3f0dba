import { ChoiceList } from "@shopify/polaris";

import { CONTACT_OPTIONS, PORTAL_MODULES } from "../../../features/branding/Branding.shared";
import { adminText, format } from "../../../i18n";
import { inFormOrder } from "../branding-draft";
import { TitledCard } from "../../../components/TitledCard";
import type { BrandingFormProps } from "./form-props";

const text = adminText.branding;

/** The portal's sections shoppers see. */
export function ModulesCard({ draft, edit, errorText }: BrandingFormProps) {
  return (
    <TitledCard title={text.modules.heading} gap="300">
      <ChoiceList
        title={text.modules.label}
        allowMultiple
        choices={PORTAL_MODULES.map((module) => ({
          label: text.modules[module],
          value: module,
          helpText: text.modules[`${module}Help`],
        }))}
        selected={draft.modules}
        onChange={(selected) => edit((previous) => ({ ...previous, modules: inFormOrder(PORTAL_MODULES, selected) }))}
        error={errorText("modules")}
      />
    </TitledCard>
  );
}

/** How shoppers reach the merchant; the store's contact email is named where Shopify gave it. */
export function ContactCard({ draft, edit, shopEmail }: BrandingFormProps & { shopEmail: string }) {
  return (
    <TitledCard title={text.contact.heading} gap="300">
      <ChoiceList
        title={text.contact.label}
        allowMultiple
        choices={[
          {
            label: text.contact.email,
            value: "email",
            helpText: shopEmail ? format(text.contact.emailHelp, { email: shopEmail }) : text.contact.emailHelpNoEmail,
          },
          { label: text.contact.orderRequired, value: "orderRequired", helpText: text.contact.orderRequiredHelp },
        ]}
        selected={draft.contact}
        onChange={(selected) => edit((previous) => ({ ...previous, contact: inFormOrder(CONTACT_OPTIONS, selected) }))}
      />
    </TitledCard>
  );
}
