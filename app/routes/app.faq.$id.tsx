import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  useActionData,
  useFetcher,
  useLoaderData,
  useLocation,
  useNavigate,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Layout,
  Link,
  Modal,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";

import { AdminPage } from "../components/AdminPage";
import { adminText, format } from "../i18n";
import {
  categoryTitle,
  deleteArticles,
  getArticle,
  listCategories,
  parseArticleForm,
  saveArticle,
  type FieldErrors,
} from "../features/faq/Faq.server";
import { FAQ_LIMITS, findReviewPlaceholders } from "../features/faq/Faq.shared";
import { loadFaqLocales } from "../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../features/publishing/publish-storefront-snapshot.server";
import { renderMarkdown } from "../platform/render-markdown.server";
import { authenticate } from "../shopify.server";
import { FaqLocalesBanner, FaqPublishBanner } from "./app.faq._index";

const text = adminText.faq;
const editor = text.editor;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const isNew = params.id === "new";
  const [{ locales, shopifyUnavailable }, categories, article] = await Promise.all([
    loadFaqLocales(admin, session.shop),
    listCategories(session.shop),
    isNew ? null : getArticle(session.shop, params.id ?? ""),
  ]);
  const primary = locales[0]?.locale ?? "en";
  return {
    isNew,
    notFound: !isNew && !article,
    article,
    locales,
    shopifyUnavailable,
    categories: categories.map((category) => ({ id: category.id, title: categoryTitle(category.titles, primary) })),
  };
};

const previewSchema = z.object({ locale: z.string().max(20), markdown: z.string().max(FAQ_LIMITS.answerMarkdown) });

type ActionData =
  | { intent: "preview"; locale: string; html: string }
  | { intent: "save"; ok: false; fieldErrors: FieldErrors }
  | { intent: "save"; ok: true; id: string; created: boolean; publish: PublishResult }
  | { intent: "delete"; deleted: boolean; publish: PublishResult | null };

export const action = async ({ request, params }: ActionFunctionArgs): Promise<ActionData> => {
  const { admin, session } = await authenticate.admin(request);
  const form = Object.fromEntries(
    [...(await request.formData()).entries()].filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  const id = params.id === "new" ? null : (params.id ?? null);

  if (form.intent === "preview") {
    // The preview is the sanitized HTML shoppers will get, rendered by the same code as the saved answer.
    const parsed = previewSchema.safeParse(form);
    return {
      intent: "preview",
      locale: form.locale ?? "",
      html: parsed.success ? renderMarkdown(parsed.data.markdown) : "",
    };
  }
  if (form.intent === "delete") {
    const deleted = id ? (await deleteArticles(session.shop, [id])) > 0 : false;
    return {
      intent: "delete",
      deleted,
      publish: deleted ? await publishStorefrontSnapshot(admin, session.shop) : null,
    };
  }

  const { locales } = await loadFaqLocales(admin, session.shop);
  const parsed = parseArticleForm(form, locales);
  if (!parsed.ok) return { intent: "save", ok: false, fieldErrors: parsed.fieldErrors };
  const saved = await saveArticle(session.shop, id, parsed.value, locales);
  if (!saved.ok) return { intent: "save", ok: false, fieldErrors: saved.fieldErrors };
  const publish = await publishStorefrontSnapshot(admin, session.shop);
  return { intent: "save", ok: true, id: saved.value.id, created: id === null, publish };
};

// A preview is not a change: nothing on the page needs loading again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

interface Translation {
  question: string;
  answerMarkdown: string;
  keywords: string;
}
interface Draft {
  status: string;
  categoryId: string;
  handle: string;
  position: string;
  translations: Record<string, Translation>;
}

const EMPTY_TRANSLATION: Translation = { question: "", answerMarkdown: "", keywords: "" };

export default function FaqArticlePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigate = useNavigate();
  const shopify = useAppBridge();

  const navigationState = useNavigation().state;
  const handled = useRef<unknown>(null);

  // Here rather than in the editor, which remounts with the saved article: one toast per save. It waits for
  // the reload that follows the save, so moving on does not cut that request off.
  useEffect(() => {
    if (!actionData || handled.current === actionData || navigationState !== "idle") return;
    handled.current = actionData;
    if (actionData.intent === "save" && actionData.ok) {
      shopify.toast.show(editor.savedToast);
      if (actionData.created) {
        navigate(`/app/faq/${actionData.id}`, { replace: true, state: { publish: actionData.publish } });
      }
    } else if (actionData.intent === "delete") {
      shopify.toast.show(editor.deletedToast);
      navigate("/app/faq", { state: { publish: actionData.publish } });
    }
  }, [actionData, navigationState, navigate, shopify]);

  if (data.notFound) {
    return (
      <AdminPage title={editor.editTitle} backAction={{ content: text.actions.back, url: "/app/faq" }}>
        <Banner tone="critical" title={editor.notFoundTitle} action={{ content: editor.backToList, url: "/app/faq" }}>
          <p>{editor.notFoundBody}</p>
        </Banner>
      </AdminPage>
    );
  }
  return <ArticleEditor key={`${data.article?.id ?? "new"}:${data.article?.updatedAt ?? ""}`} />;
}

function ArticleEditor() {
  const { isNew, article, locales, categories, shopifyUnavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const submit = useSubmit();
  const preview = useFetcher<typeof action>();
  const primary = locales.find((locale) => locale.primary) ?? locales[0]!;

  const initial = useMemo<Draft>(
    () => ({
      status: article?.status ?? "draft",
      categoryId: article?.categoryId ?? "",
      handle: article?.handle ?? "",
      position: article ? String(article.position) : "",
      translations: Object.fromEntries(
        locales.map(({ locale }) => {
          const stored = article?.translations[locale];
          return [
            locale,
            stored
              ? { question: stored.question, answerMarkdown: stored.answerMarkdown, keywords: stored.keywords }
              : EMPTY_TRANSLATION,
          ];
        }),
      ),
    }),
    [article, locales],
  );
  const [draft, setDraft] = useState<Draft>(initial);
  const [tab, setTab] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const dirty = isNew ? hasContent(draft) : JSON.stringify(draft) !== JSON.stringify(initial);
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const fieldErrors = actionData?.intent === "save" && !actionData.ok ? actionData.fieldErrors : {};
  const locale = locales[tab] ?? primary;
  const current = draft.translations[locale.locale] ?? EMPTY_TRANSLATION;
  const statePublish = (location.state as { publish?: PublishResult } | null)?.publish;
  const publish = actionData && "publish" in actionData ? actionData.publish : statePublish;

  // The preview follows the answer being written, a moment after typing stops.
  const markdown = current.answerMarkdown;
  useEffect(() => {
    if (!markdown.trim()) return;
    const timer = setTimeout(
      () => preview.submit({ intent: "preview", locale: locale.locale, markdown }, { method: "post" }),
      350,
    );
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [markdown, locale.locale]);
  const previewHtml =
    preview.data?.intent === "preview" && preview.data.locale === locale.locale
      ? preview.data.html
      : markdown === article?.translations[locale.locale]?.answerMarkdown
        ? (article?.translations[locale.locale]?.answerHtml ?? "")
        : "";

  function update(patch: Partial<Draft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
  }
  function updateTranslation(code: string, patch: Partial<Translation>) {
    setDraft((previous) => ({
      ...previous,
      translations: {
        ...previous.translations,
        [code]: { ...(previous.translations[code] ?? EMPTY_TRANSLATION), ...patch },
      },
    }));
  }
  function save() {
    const form: Record<string, string> = {
      intent: "save",
      status: draft.status,
      categoryId: draft.categoryId,
      handle: draft.handle,
      position: draft.position,
    };
    for (const [code, translation] of Object.entries(draft.translations)) {
      form[`translations.${code}.question`] = translation.question;
      form[`translations.${code}.answerMarkdown`] = translation.answerMarkdown;
      form[`translations.${code}.keywords`] = translation.keywords;
    }
    submit(form, { method: "post" });
  }
  function discard() {
    setDraft(initial);
  }

  const errorFor = (field: string, code: string) => {
    const error = fieldErrors[field];
    if (!error) return undefined;
    if (error === "required" && !code.startsWith(primary.locale)) return text.fieldErrors.requiredTranslation;
    return text.fieldErrors[error as keyof typeof text.fieldErrors] ?? error;
  };
  const localesWithErrors = locales.filter(({ locale: code }) =>
    Object.keys(fieldErrors).some((field) => field.startsWith(`translations.${code}.`)),
  );
  const placeholders = [
    ...new Set(
      Object.values(draft.translations).flatMap((translation) =>
        findReviewPlaceholders(translation.question, translation.answerMarkdown),
      ),
    ),
  ];
  const languageButtons = locales.map((item) => {
    const written = Boolean(
      draft.translations[item.locale]?.question || draft.translations[item.locale]?.answerMarkdown,
    );
    const label = localesWithErrors.includes(item)
      ? format(editor.tabError, { language: item.name })
      : item.primary
        ? format(editor.primaryLanguage, { language: item.name })
        : written
          ? item.name
          : format(editor.missingTranslation, { language: item.name });
    return { locale: item.locale, label };
  });
  const title = isNew ? editor.newTitle : article?.translations[primary.locale]?.question || editor.editTitle;

  return (
    <AdminPage
      title={title}
      backAction={{ content: text.actions.back, url: "/app/faq" }}
      primaryAction={{ content: text.actions.save, loading: saving, disabled: !dirty, onAction: save }}
      secondaryActions={
        isNew ? [] : [{ content: text.actions.delete, destructive: true, onAction: () => setConfirmDelete(true) }]
      }
    >
      <SaveBar id="faq-article-save-bar" open={dirty}>
        <button variant="primary" onClick={save} disabled={saving}>
          {text.actions.save}
        </button>
        <button onClick={discard}>{text.actions.discard}</button>
      </SaveBar>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <FaqLocalesBanner show={shopifyUnavailable} />
            <FaqPublishBanner publish={publish} />
            {localesWithErrors.length > 0 || fieldErrors.form ? (
              <Banner tone="critical">
                <p>
                  {fieldErrors.form
                    ? errorFor("form", "")
                    : format(editor.fixErrors, { languages: localesWithErrors.map((item) => item.name).join(", ") })}
                </p>
              </Banner>
            ) : null}
            {placeholders.length > 0 ? (
              <Banner tone="warning" title={editor.reviewTitle}>
                <BlockStack gap="200">
                  <p>{editor.reviewBody}</p>
                  <ul>
                    {placeholders.map((placeholder) => (
                      <li key={placeholder}>
                        <Text as="span" fontWeight="semibold">
                          {placeholder}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </BlockStack>
              </Banner>
            ) : null}
            <Card padding="0">
              {/* One language at a time; every language is saved together. */}
              <Box padding="400" paddingBlockEnd="0">
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm">
                    {editor.language}
                  </Text>
                  <InlineStack gap="200" wrap>
                    {languageButtons.map((item, index) => (
                      <Button key={item.locale} pressed={index === tab} onClick={() => setTab(index)}>
                        {item.label}
                      </Button>
                    ))}
                  </InlineStack>
                </BlockStack>
              </Box>
              <Box padding="400">
                <BlockStack gap="400">
                  {!locale.primary ? (
                    <Text as="p" tone="subdued">
                      {format(editor.optionalTranslation, { language: locale.name, primary: primary.name })}
                    </Text>
                  ) : null}
                  <TextField
                    label={editor.question}
                    helpText={editor.questionHelp}
                    value={current.question}
                    onChange={(value) => updateTranslation(locale.locale, { question: value })}
                    error={errorFor(`translations.${locale.locale}.question`, locale.locale)}
                    maxLength={FAQ_LIMITS.question}
                    autoComplete="off"
                  />
                  <TextField
                    label={editor.answer}
                    helpText={editor.answerHelp}
                    value={current.answerMarkdown}
                    onChange={(value) => updateTranslation(locale.locale, { answerMarkdown: value })}
                    error={errorFor(`translations.${locale.locale}.answerMarkdown`, locale.locale)}
                    multiline={8}
                    maxLength={FAQ_LIMITS.answerMarkdown}
                    monospaced
                    autoComplete="off"
                  />
                  <TextField
                    label={editor.keywords}
                    helpText={editor.keywordsHelp}
                    value={current.keywords}
                    onChange={(value) => updateTranslation(locale.locale, { keywords: value })}
                    error={errorFor(`translations.${locale.locale}.keywords`, locale.locale)}
                    maxLength={FAQ_LIMITS.keywords}
                    autoComplete="off"
                  />
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingSm">
                      {editor.preview}
                    </Text>
                    <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200" minHeight="60px">
                      {previewHtml && markdown.trim() ? (
                        // Sanitized on the server by renderMarkdown, the same allow-list shoppers get.
                        <div className="resolve-faq-preview" dangerouslySetInnerHTML={{ __html: previewHtml }} />
                      ) : (
                        <Text as="p" tone="subdued">
                          {markdown.trim() && preview.state !== "idle" ? editor.previewLoading : editor.previewEmpty}
                        </Text>
                      )}
                    </Box>
                  </BlockStack>
                </BlockStack>
              </Box>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                {editor.settingsHeading}
              </Text>
              <Select
                label={editor.status}
                helpText={editor.statusHelp}
                options={[
                  { label: text.status.draft, value: "draft" },
                  { label: text.status.published, value: "published" },
                ]}
                value={draft.status}
                onChange={(value) => update({ status: value })}
                error={errorFor("status", "")}
              />
              <BlockStack gap="100">
                <Select
                  label={editor.category}
                  options={[
                    { label: editor.noCategory, value: "" },
                    ...categories.map((category) => ({ label: category.title, value: category.id })),
                  ]}
                  value={draft.categoryId}
                  onChange={(value) => update({ categoryId: value })}
                  error={errorFor("categoryId", "")}
                />
                <Link url="/app/faq/categories">{editor.manageCategories}</Link>
              </BlockStack>
              <TextField
                label={editor.handle}
                helpText={editor.handleHelp}
                value={draft.handle}
                onChange={(value) => update({ handle: value })}
                error={errorFor("handle", "")}
                maxLength={FAQ_LIMITS.handle}
                autoComplete="off"
              />
              <TextField
                label={editor.position}
                helpText={editor.positionHelp}
                type="number"
                min={0}
                value={draft.position}
                onChange={(value) => update({ position: value })}
                error={errorFor("position", "")}
                autoComplete="off"
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={editor.deleteTitle}
        primaryAction={{
          content: text.actions.delete,
          destructive: true,
          onAction: () => {
            setConfirmDelete(false);
            submit({ intent: "delete" }, { method: "post" });
          },
        }}
        secondaryActions={[{ content: text.actions.cancel, onAction: () => setConfirmDelete(false) }]}
      >
        <Modal.Section>
          <p>{editor.deleteBody}</p>
        </Modal.Section>
      </Modal>
    </AdminPage>
  );
}

function hasContent(draft: Draft): boolean {
  return Object.values(draft.translations).some(
    (translation) => translation.question.trim() || translation.answerMarkdown.trim() || translation.keywords.trim(),
  );
}
