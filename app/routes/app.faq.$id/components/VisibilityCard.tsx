import { BlockStack, Link, Select, TextField } from "@shopify/polaris";

import { TitledCard } from "../../../components/TitledCard";
import { FAQ_LIMITS } from "../../../features/faq/Faq.shared";
import { adminText } from "../../../i18n";
import type { ArticleDraft } from "../article-draft";

const text = adminText.faq;
const editor = text.editor;

type Settings = Pick<ArticleDraft, "status" | "categoryId" | "handle" | "position">;

/** Whether and where the article shows: status, category, handle and position. */
export function VisibilityCard({
  settings,
  categories,
  errorFor,
  onChange,
}: {
  settings: Settings;
  categories: { id: string; title: string }[];
  errorFor: (field: keyof Settings) => string | undefined;
  onChange: (patch: Partial<Settings>) => void;
}) {
  return (
    <TitledCard title={editor.settingsHeading} gap="400">
      <Select
        label={editor.status}
        helpText={editor.statusHelp}
        options={[
          { label: text.status.draft, value: "draft" },
          { label: text.status.published, value: "published" },
        ]}
        value={settings.status}
        onChange={(status) => onChange({ status })}
        error={errorFor("status")}
      />
      <BlockStack gap="100">
        <Select
          label={editor.category}
          options={[
            { label: editor.noCategory, value: "" },
            ...categories.map((category) => ({ label: category.title, value: category.id })),
          ]}
          value={settings.categoryId}
          onChange={(categoryId) => onChange({ categoryId })}
          error={errorFor("categoryId")}
        />
        <Link url="/app/faq/categories">{editor.manageCategories}</Link>
      </BlockStack>
      <TextField
        label={editor.handle}
        helpText={editor.handleHelp}
        value={settings.handle}
        onChange={(handle) => onChange({ handle })}
        error={errorFor("handle")}
        maxLength={FAQ_LIMITS.handle}
        autoComplete="off"
      />
      <TextField
        label={editor.position}
        helpText={editor.positionHelp}
        type="number"
        min={0}
        value={settings.position}
        onChange={(position) => onChange({ position })}
        error={errorFor("position")}
        autoComplete="off"
      />
    </TitledCard>
  );
}
