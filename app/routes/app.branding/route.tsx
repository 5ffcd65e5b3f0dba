import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, InlineGrid, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";

import { AdminPage } from "../../components/AdminPage";
import { EditForm, useDraft, useJsonSubmit } from "../../components/form";
import { PublishStatusCard, toPublishStatus } from "../../components/Publishing";
import { RetryBanner } from "../../components/RetryBanner";
import { toast } from "../../components/toast";
import { getBranding, type FieldErrors } from "../../features/branding/Branding.server";
import { loadBrandingShop, saveBrandingPage } from "../../features/branding/branding-page.server";
import { portalDefaultTexts } from "../../features/branding/render-snapshot-preview.server";
import { getPublishStatus } from "../../features/publishing/publish-storefront-snapshot.server";
import { adminText } from "../../i18n";
import { readAdminForm } from "../../platform/admin-form.server";
import { authenticate } from "../../shopify.server";
import { toBrandingDraft, toBrandingForm } from "./branding-draft";
import { brandingFieldsSchema } from "./branding-fields.server";
import { ContactCard, ModulesCard } from "./components/ChoicesCards";
import { ColorsCard } from "./components/ColorsCard";
import type { BrandingFormProps } from "./components/form-props";
import { LayoutCard } from "./components/LayoutCard";
import { PreviewCard } from "./components/PreviewCard";
import { TextsCard } from "./components/TextsCard";
import { useBrandingPreview } from "./usePreview";

const text = adminText.branding;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [stored, publish] = await Promise.all([getBranding(session.shop), getPublishStatus(session.shop)]);
  const { shop, locales, shopifyUnavailable } = await loadBrandingShop(admin, session.shop, stored.document);
  return {
    branding: stored.document,
    locales,
    shop,
    defaults: portalDefaultTexts(locales.map((locale) => locale.locale)),
    publish: toPublishStatus(publish),
    shopifyUnavailable,
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const fields = brandingFieldsSchema.safeParse(await readAdminForm(request));
  if (!fields.success) return { ok: false as const, fieldErrors: { form: "invalid" } as FieldErrors };
  const saved = await saveBrandingPage(admin, session.shop, fields.data);
  if (!saved.ok) return saved;
  return {
    ...saved,
    toast: saved.publish.ok ? toast(text.saved) : toast(text.savedNotPublishedTitle, { isError: true }),
  };
};

export default function BrandingPage() {
  const { branding, locales, shop, defaults, publish, shopifyUnavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useJsonSubmit();
  const saved = useMemo(() => toBrandingDraft(branding, locales), [branding, locales]);
  const { draft, setDraft, reset, dirty } = useDraft(saved);
  const [submittedKey, setSubmittedKey] = useState<string | null>(null);
  const [localeIndex, setLocaleIndex] = useState(0);
  const saving = navigation.state === "submitting";

  const previewLocale = locales[localeIndex] ?? locales[0]!;
  const primaryLocale = locales.find((locale) => locale.primary)?.locale ?? previewLocale.locale;
  const preview = useBrandingPreview(draft, { locale: previewLocale.locale, primaryLocale, shop });

  // A refused save's errors stand for the draft that was sent; the preview's for the draft as it is now.
  const saveFailed = actionData?.ok === false && submittedKey === JSON.stringify(draft);
  const fieldErrors: FieldErrors = { ...(saveFailed ? actionData.fieldErrors : {}), ...preview.fieldErrors };
  const errorText = (field: string) => {
    const key = fieldErrors[field];
    return key ? (text.errors[key as keyof typeof text.errors] ?? text.errors.invalid) : undefined;
  };
  const save = () => {
    setSubmittedKey(JSON.stringify(draft));
    submit(toBrandingForm(draft));
  };
  const form: BrandingFormProps = { draft, edit: setDraft, errorText };

  return (
    <AdminPage title={text.title}>
      <EditForm id="branding-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={reset}>
        <BlockStack gap="400">
          {shopifyUnavailable ? (
            <RetryBanner title={adminText.errors.shopifyUnavailableTitle}>
              <p>{text.localesUnavailable}</p>
            </RetryBanner>
          ) : null}
          {saveFailed ? (
            <Banner tone="critical" title={text.errorsTitle}>
              <p>{text.errorsBody}</p>
            </Banner>
          ) : null}
          <Text as="p" tone="subdued">
            {text.intro}
          </Text>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400" alignItems="start">
            <BlockStack gap="400">
              <ColorsCard {...form} warnings={preview.warnings} />
              <LayoutCard {...form} />
              <ModulesCard {...form} />
              <ContactCard {...form} shopEmail={shop.email} />
              <TextsCard
                {...form}
                locales={locales}
                defaults={defaults}
                selected={localeIndex}
                onSelect={setLocaleIndex}
              />
            </BlockStack>
            <div style={{ position: "sticky", insetBlockStart: 16 }}>
              <BlockStack gap="400">
                <PublishStatusCard status={publish} neverText={text.status.never} canPublish={!dirty} />
                <PreviewCard preview={preview} languageName={previewLocale.name} />
              </BlockStack>
            </div>
          </InlineGrid>
        </BlockStack>
      </EditForm>
    </AdminPage>
  );
}
