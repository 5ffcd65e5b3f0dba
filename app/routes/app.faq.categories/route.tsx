import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, Layout, Text } from "@shopify/polaris";
import { useState } from "react";

import { AdminPage } from "../../components/AdminPage";
import { FaqLocalesBanner } from "../../components/FaqLocalesBanner";
import { EditForm, useDraft, useJsonSubmit } from "../../components/form";
import { PublishOutcomeBanner } from "../../components/Publishing";
import { TitledCard } from "../../components/TitledCard";
import { toast } from "../../components/toast";
import { listCategories, saveCategories } from "../../features/faq/Faq.server";
import { loadFaqLocales } from "../../features/faq/faq-locales.server";
import { publishStorefrontSnapshot } from "../../features/publishing/publish-storefront-snapshot.server";
import { adminText } from "../../i18n";
import { readAdminForm } from "../../platform/admin-form.server";
import { authenticate } from "../../shopify.server";
import {
  categoriesInput,
  draftFromCategories,
  withMove,
  withNewCategory,
  withoutCategory,
  withTitle,
} from "./categories-draft";
import { CategoryCard } from "./components/CategoryCard";
import { categoriesActionSchema, refusedListError } from "./schema.server";

const text = adminText.faq;
const categoriesText = text.categories;

export const meta: MetaFunction = () => [{ title: categoriesText.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [{ locales, shopifyUnavailable }, categories] = await Promise.all([
    loadFaqLocales(admin, session.shop),
    listCategories(session.shop),
  ]);
  return { locales, shopifyUnavailable, categories };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = categoriesActionSchema.safeParse(await readAdminForm(request));
  if (!parsed.success) return { ok: false as const, fieldErrors: { categories: refusedListError(parsed.error) } };
  const { locales } = await loadFaqLocales(admin, session.shop);
  const saved = await saveCategories(session.shop, parsed.data.categories, locales);
  if (!saved.ok) return saved;
  const publish = await publishStorefrontSnapshot(admin, session.shop);
  return { ok: true as const, publish, toast: toast(categoriesText.savedToast) };
};

export default function FaqCategories() {
  const { locales, shopifyUnavailable, categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const submit = useJsonSubmit();
  const { draft, setDraft, reset, dirty } = useDraft(draftFromCategories(categories, locales));
  // Keys for new categories, unique for the page's life (React keys survive moves and removals).
  const [added, setAdded] = useState(0);
  const fieldErrors: Record<string, string> = answer && !answer.ok ? answer.fieldErrors : {};
  const errorMessage = (code: string | undefined) =>
    code ? (text.fieldErrors[code as keyof typeof text.fieldErrors] ?? code) : undefined;

  const save = () => submit({ categories: categoriesInput(draft) });
  function add() {
    setDraft((list) => withNewCategory(list, `new-${added}`, locales));
    setAdded((count) => count + 1);
  }

  return (
    <AdminPage
      title={categoriesText.title}
      backAction={{ content: text.actions.back, url: "/app/faq" }}
      primaryAction={{ content: text.actions.save, onAction: save, loading: saving, disabled: !dirty }}
      secondaryActions={[{ content: categoriesText.add, onAction: add }]}
    >
      <EditForm id="faq-categories-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={reset}>
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <FaqLocalesBanner show={shopifyUnavailable} />
              <PublishOutcomeBanner publish={answer?.ok ? answer.publish : null} />
              {fieldErrors.categories ? (
                <Banner tone="critical">
                  <p>{errorMessage(fieldErrors.categories)}</p>
                </Banner>
              ) : null}
              <Text as="p" tone="subdued">
                {categoriesText.intro} {categoriesText.removeNote}
              </Text>
              {draft.length === 0 ? (
                <TitledCard title={categoriesText.emptyHeading} gap="200">
                  <Text as="p">{categoriesText.emptyBody}</Text>
                  <InlineStack>
                    <Button onClick={add}>{categoriesText.add}</Button>
                  </InlineStack>
                </TitledCard>
              ) : null}
              {draft.map((category, index) => (
                <CategoryCard
                  key={category.key}
                  category={category}
                  position={index + 1}
                  last={index === draft.length - 1}
                  locales={locales}
                  errorFor={(locale) => errorMessage(fieldErrors[`categories.${index}.${locale}`])}
                  onMove={(offset) => setDraft((list) => withMove(list, index, offset))}
                  onRemove={() => setDraft((list) => withoutCategory(list, index))}
                  onTitle={(locale, title) => setDraft((list) => withTitle(list, index, locale, title))}
                />
              ))}
            </BlockStack>
          </Layout.Section>
        </Layout>
      </EditForm>
    </AdminPage>
  );
}
