import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";

import { AdminPage } from "../../components/AdminPage";
import { FaqLocalesBanner } from "../../components/FaqLocalesBanner";
import { AFTER_SAVE, EditForm, useDraft, useJsonSubmit } from "../../components/form";
import { PublishOutcomeBanner } from "../../components/Publishing";
import { toast, type Toast } from "../../components/toast";
import {
  categoryTitle,
  deleteArticles,
  getArticle,
  listCategories,
  parseArticleForm,
  saveArticle,
  type FieldErrors,
} from "../../features/faq/Faq.server";
import { loadFaqLocales } from "../../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../../features/publishing/publish-storefront-snapshot.server";
import { adminText, format } from "../../i18n";
import { readAdminForm } from "../../platform/admin-form.server";
import { authenticate } from "../../shopify.server";
import {
  articleFormFields,
  draftFromArticle,
  fieldErrorMessage,
  hasContent,
  localesWithErrors,
  reviewPlaceholders,
  withTranslation,
} from "./article-draft";
import { DeleteArticleModal } from "./components/DeleteArticleModal";
import { PlaceholdersBanner } from "./components/PlaceholdersBanner";
import { TranslationCard } from "./components/TranslationCard";
import { VisibilityCard } from "./components/VisibilityCard";
import { articleActionSchema } from "./schema.server";

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

type ActionData =
  | { intent: "save"; ok: false; fieldErrors: FieldErrors }
  | { intent: "save"; ok: true; id: string; created: boolean; publish: PublishResult; toast: Toast }
  | { intent: "delete"; deleted: boolean; publish: PublishResult | null; toast: Toast };

const refused = (fieldErrors: FieldErrors): ActionData => ({ intent: "save", ok: false, fieldErrors });

export const action = async ({ request, params }: ActionFunctionArgs): Promise<ActionData> => {
  const { admin, session } = await authenticate.admin(request);
  const id = params.id === "new" ? null : (params.id ?? null);
  const parsed = articleActionSchema.safeParse(await readAdminForm(request));
  if (!parsed.success) return refused({ form: "invalidRequest" });
  if (parsed.data.intent === "delete") {
    const deleted = id ? (await deleteArticles(session.shop, [id])) > 0 : false;
    const publish = deleted ? await publishStorefrontSnapshot(admin, session.shop) : null;
    return { intent: "delete", deleted, publish, toast: toast(editor.deletedToast) };
  }
  const { intent: _intent, ...fields } = parsed.data;
  const { locales } = await loadFaqLocales(admin, session.shop);
  const article = parseArticleForm(fields, locales);
  if (!article.ok) return refused(article.fieldErrors);
  const saved = await saveArticle(session.shop, id, article.value, locales);
  if (!saved.ok) return refused(saved.fieldErrors);
  const publish = await publishStorefrontSnapshot(admin, session.shop);
  return {
    intent: "save",
    ok: true,
    id: saved.value.id,
    created: id === null,
    publish,
    toast: toast(editor.savedToast),
  };
};

export default function FaqArticlePage() {
  const { notFound } = useLoaderData<typeof loader>();
  useMoveOnAfterSave();
  if (notFound) {
    return (
      <AdminPage title={editor.editTitle} backAction={{ content: text.actions.back, url: "/app/faq" }}>
        <Banner tone="critical" title={editor.notFoundTitle} action={{ content: editor.backToList, url: "/app/faq" }}>
          <p>{editor.notFoundBody}</p>
        </Banner>
      </AdminPage>
    );
  }
  return <ArticleEditor />;
}

/**
 * A new article moves to its own URL once saved, a deleted one back to the list, with the publish result for the
 * next page's banner. Here rather than in the editor, which a deleted article no longer shows; after the reload
 * that follows the action, so moving on does not cut that request off.
 */
function useMoveOnAfterSave() {
  const answer = useActionData<typeof action>();
  const idle = useNavigation().state === "idle";
  const navigate = useNavigate();
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!answer || handled.current === answer || !idle) return;
    handled.current = answer;
    if (answer.intent === "save" && answer.ok && answer.created) {
      navigate(`/app/faq/${answer.id}`, { replace: true, state: { ...AFTER_SAVE, publish: answer.publish } });
    } else if (answer.intent === "delete") {
      navigate("/app/faq", { state: { ...AFTER_SAVE, publish: answer.publish } });
    }
  }, [answer, idle, navigate]);
}

function ArticleEditor() {
  const { isNew, article, locales, categories, shopifyUnavailable } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const submit = useJsonSubmit();
  const { draft, setDraft, update, reset, dirty } = useDraft(
    draftFromArticle(article, locales),
    isNew ? hasContent : undefined,
  );
  const primary = locales.find((locale) => locale.primary) ?? locales[0]!;
  const [localeCode, setLocaleCode] = useState(primary.locale);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const locale = locales.find((candidate) => candidate.locale === localeCode) ?? primary;
  const saving =
    navigation.state === "submitting" && (navigation.json as { intent?: string } | undefined)?.intent === "save";
  const fieldErrors = answer?.intent === "save" && !answer.ok ? answer.fieldErrors : {};
  const errorFor = (field: string) => fieldErrorMessage(fieldErrors, field, primary.locale);
  const failedLocales = localesWithErrors(locales, fieldErrors);
  const publish =
    answer && "publish" in answer ? answer.publish : (location.state as { publish?: PublishResult } | null)?.publish;
  const save = () => submit({ intent: "save", ...articleFormFields(draft) });
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
      <EditForm id="faq-article-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={reset}>
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <FaqLocalesBanner show={shopifyUnavailable} />
              <PublishOutcomeBanner publish={publish} />
              {failedLocales.length > 0 || fieldErrors.form ? (
                <Banner tone="critical">
                  <p>
                    {fieldErrors.form
                      ? errorFor("form")
                      : format(editor.fixErrors, { languages: failedLocales.map((item) => item.name).join(", ") })}
                  </p>
                </Banner>
              ) : null}
              <PlaceholdersBanner placeholders={reviewPlaceholders(draft)} />
              <TranslationCard
                locales={locales}
                locale={locale}
                onLocale={setLocaleCode}
                translations={draft.translations}
                stored={article?.translations ?? {}}
                failedLocales={failedLocales}
                errorFor={errorFor}
                onChange={(patch) => setDraft((previous) => withTranslation(previous, locale.locale, patch))}
              />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <VisibilityCard settings={draft} categories={categories} errorFor={errorFor} onChange={update} />
          </Layout.Section>
        </Layout>
      </EditForm>
      <DeleteArticleModal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        onDelete={() => submit({ intent: "delete" })}
      />
    </AdminPage>
  );
}
