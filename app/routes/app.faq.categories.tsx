import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, ButtonGroup, Card, InlineStack, Layout, Text, TextField } from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { z } from "zod";

import { AdminPage } from "../components/AdminPage";
import { adminText, format } from "../i18n";
import { listCategories, saveCategories, type FieldErrors } from "../features/faq/Faq.server";
import { FAQ_LIMITS } from "../features/faq/Faq.shared";
import { loadFaqLocales } from "../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../features/publishing/publish-storefront-snapshot.server";
import { authenticate } from "../shopify.server";
import { FaqLocalesBanner, FaqPublishBanner, formatCount } from "./app.faq._index";

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

const categoriesSchema = z
  .array(
    z.object({
      id: z.string().max(64).optional(),
      titles: z.record(z.string().max(20), z.string().max(FAQ_LIMITS.categoryTitle * 2)),
    }),
  )
  .max(FAQ_LIMITS.categories);

type ActionData = { ok: false; fieldErrors: FieldErrors } | { ok: true; publish: PublishResult };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionData> => {
  const { admin, session } = await authenticate.admin(request);
  const form = await request.formData();
  let raw: unknown = null;
  try {
    raw = JSON.parse(String(form.get("categories") ?? "[]"));
  } catch {
    // Reported below as an invalid list.
  }
  const parsed = categoriesSchema.safeParse(raw);
  if (!parsed.success) {
    const tooMany = parsed.error.issues.some((issue) => issue.code === "too_big" && issue.path.length === 0);
    return { ok: false, fieldErrors: { categories: tooMany ? "tooManyCategories" : "invalidRequest" } };
  }
  const { locales } = await loadFaqLocales(admin, session.shop);
  const saved = await saveCategories(session.shop, parsed.data, locales);
  if (!saved.ok) return saved;
  return { ok: true, publish: await publishStorefrontSnapshot(admin, session.shop) };
};

interface EditedCategory {
  key: string;
  id?: string;
  titles: Record<string, string>;
  articleCount: number;
}

export default function FaqCategories() {
  const { locales, shopifyUnavailable, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (actionData?.ok) shopify.toast.show(categoriesText.savedToast);
  }, [actionData, shopify]);
  // Remount on new data so the form starts from what was saved.
  return (
    <CategoriesEditor
      key={JSON.stringify(categories)}
      locales={locales}
      shopifyUnavailable={shopifyUnavailable}
      categories={categories}
    />
  );
}

function CategoriesEditor({
  locales,
  shopifyUnavailable,
  categories,
}: ReturnType<typeof useLoaderData<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const initial = useMemo<EditedCategory[]>(
    () =>
      categories.map((category) => ({
        key: category.id,
        id: category.id,
        titles: Object.fromEntries(locales.map(({ locale }) => [locale, category.titles[locale] ?? ""])),
        articleCount: category.articleCount,
      })),
    [categories, locales],
  );
  const [edited, setEdited] = useState(initial);
  const [added, setAdded] = useState(0);
  const dirty = JSON.stringify(edited) !== JSON.stringify(initial);
  const saving = navigation.state === "submitting";
  const fieldErrors = actionData && !actionData.ok ? actionData.fieldErrors : {};

  function save() {
    const payload = edited.map(({ id, titles }) => ({ ...(id ? { id } : {}), titles }));
    submit({ categories: JSON.stringify(payload) }, { method: "post" });
  }
  function add() {
    setEdited((list) => [
      ...list,
      { key: `new-${added}`, titles: Object.fromEntries(locales.map(({ locale }) => [locale, ""])), articleCount: 0 },
    ]);
    setAdded((count) => count + 1);
  }
  function move(index: number, offset: number) {
    setEdited((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + offset, 0, item!);
      return next;
    });
  }
  function setTitle(index: number, locale: string, title: string) {
    setEdited((list) =>
      list.map((category, at) =>
        at === index ? { ...category, titles: { ...category.titles, [locale]: title } } : category,
      ),
    );
  }
  const errorMessage = (code: string | undefined) =>
    code ? (text.fieldErrors[code as keyof typeof text.fieldErrors] ?? code) : undefined;

  return (
    <AdminPage
      title={categoriesText.title}
      backAction={{ content: text.actions.back, url: "/app/faq" }}
      primaryAction={{ content: text.actions.save, onAction: save, loading: saving, disabled: !dirty }}
      secondaryActions={[{ content: categoriesText.add, onAction: add }]}
    >
      <SaveBar id="faq-categories-save-bar" open={dirty}>
        <button variant="primary" onClick={save} disabled={saving}>
          {text.actions.save}
        </button>
        <button onClick={() => setEdited(initial)}>{text.actions.discard}</button>
      </SaveBar>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <FaqLocalesBanner show={shopifyUnavailable} />
            <FaqPublishBanner publish={actionData?.ok ? actionData.publish : null} />
            {fieldErrors.categories ? (
              <Banner tone="critical">
                <p>{errorMessage(fieldErrors.categories)}</p>
              </Banner>
            ) : null}
            <Text as="p" tone="subdued">
              {categoriesText.intro} {categoriesText.removeNote}
            </Text>
            {edited.length === 0 ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {categoriesText.emptyHeading}
                  </Text>
                  <Text as="p">{categoriesText.emptyBody}</Text>
                  <InlineStack>
                    <Button onClick={add}>{categoriesText.add}</Button>
                  </InlineStack>
                </BlockStack>
              </Card>
            ) : null}
            {edited.map((category, index) => {
              const position = index + 1;
              return (
                <Card key={category.key}>
                  <BlockStack gap="300">
                    <InlineStack align="space-between" blockAlign="center">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="h2" variant="headingSm">
                          {format(categoriesText.heading, { position })}
                        </Text>
                        <Text as="span" tone="subdued">
                          {formatCount(categoriesText.articles, category.articleCount)}
                        </Text>
                      </InlineStack>
                      <ButtonGroup>
                        <Button
                          size="slim"
                          disabled={index === 0}
                          accessibilityLabel={format(categoriesText.moveUp, { position })}
                          onClick={() => move(index, -1)}
                        >
                          ↑
                        </Button>
                        <Button
                          size="slim"
                          disabled={index === edited.length - 1}
                          accessibilityLabel={format(categoriesText.moveDown, { position })}
                          onClick={() => move(index, 1)}
                        >
                          ↓
                        </Button>
                        <Button
                          size="slim"
                          tone="critical"
                          accessibilityLabel={format(categoriesText.remove, { position })}
                          onClick={() => setEdited((list) => list.filter((_, at) => at !== index))}
                        >
                          {categoriesText.removeShort}
                        </Button>
                      </ButtonGroup>
                    </InlineStack>
                    {locales.map((locale) => (
                      <TextField
                        key={locale.locale}
                        label={format(categoriesText.titleLabel, { language: locale.name })}
                        value={category.titles[locale.locale] ?? ""}
                        onChange={(value) => setTitle(index, locale.locale, value)}
                        maxLength={FAQ_LIMITS.categoryTitle}
                        error={errorMessage(fieldErrors[`categories.${index}.${locale.locale}`])}
                        autoComplete="off"
                      />
                    ))}
                  </BlockStack>
                </Card>
              );
            })}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
