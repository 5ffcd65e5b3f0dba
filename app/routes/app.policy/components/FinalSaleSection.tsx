import { TextField } from "@shopify/polaris";

import { CollectionPicker } from "../../../components/CollectionPicker";
import { SectionCard } from "../../../components/SectionCard";
import { adminText } from "../../../i18n";
import type { SectionProps } from "./section-props";

const text = adminText.policy.finalSale;

export function FinalSaleSection({ data, draft, edit, errorAt }: SectionProps) {
  return (
    <SectionCard id="final-sale" title={text.title} description={text.description}>
      <TextField
        label={text.tags}
        helpText={text.tagsHelp}
        value={draft.tags}
        onChange={(tags) => edit((previous) => ({ ...previous, tags }))}
        error={errorAt("finalSale.tags")}
        autoComplete="off"
      />
      <TextField
        label={text.productTypes}
        helpText={text.productTypesHelp}
        value={draft.productTypes}
        onChange={(productTypes) => edit((previous) => ({ ...previous, productTypes }))}
        error={errorAt("finalSale.productTypes")}
        autoComplete="off"
      />
      <CollectionPicker
        collections={data.collections}
        truncated={data.collectionsTruncated}
        selected={draft.collectionIds}
        error={errorAt("finalSale.collectionIds")}
        onChange={(collectionIds) => edit((previous) => ({ ...previous, collectionIds }))}
      />
      <TextField
        label={text.minDiscount}
        helpText={text.minDiscountHelp}
        type="number"
        min={0}
        max={100}
        suffix={adminText.policy.resolutions.percentSuffix}
        value={draft.minDiscountPercent}
        onChange={(minDiscountPercent) => edit((previous) => ({ ...previous, minDiscountPercent }))}
        error={errorAt("finalSale.minDiscountPercent")}
        autoComplete="off"
      />
    </SectionCard>
  );
}
