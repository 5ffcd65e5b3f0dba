import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  ChoiceList,
  InlineGrid,
  InlineStack,
  RangeSlider,
  SkeletonBodyText,
  SkeletonDisplayText,
  Spinner,
  Tabs,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";

import { AdminPage } from "../components/AdminPage";
import { RetryBanner } from "../components/RetryBanner";
import { BrandingShop } from "../shopify/graphql/BrandingShop";
import { adminText, format } from "../i18n";
import { BRANDING_LIMITS, CONTACT_OPTIONS, PORTAL_MODULES } from "../features/branding/Branding.shared";
import {
  brandingToForm,
  getBranding,
  parseBrandingForm,
  saveBranding,
  type FieldErrors,
} from "../features/branding/Branding.server";
import { callShopify, ShopifyUnavailableError } from "../shopify/call-shopify.server";
import {
  getPublishStatus,
  publishStorefrontSnapshot,
  type PublishResult,
} from "../features/publishing/publish-storefront-snapshot.server";
import { portalDefaultTexts } from "../features/branding/render-snapshot-preview.server";
import { authenticate } from "../shopify.server";
import type { loader as previewLoader } from "./app.branding.preview";

const text = adminText.branding;
const SAVE_BAR_ID = "branding-save-bar";
const PREVIEW_WIDTHS = { mobile: 375, desktop: 1280 } as const;
const PREVIEW_HEIGHT = 760;
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

const publishedDate = (iso: string | null) =>
  iso
    ? `${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`
    : null;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [stored, publish] = await Promise.all([getBranding(session.shop), getPublishStatus(session.shop)]);
  let shop = { name: "", domain: session.shop, email: "", currency: "USD" };
  let locales = [{ locale: "en", name: "English", primary: true }];
  let shopifyUnavailable = false;
  try {
    const response = await callShopify(() => admin.graphql(BrandingShop));
    const { data } = await response.json();
    if (data) {
      shop = {
        name: data.shop.name,
        domain: data.shop.myshopifyDomain,
        email: data.shop.contactEmail ?? "",
        currency: data.shop.currencyCode,
      };
      const published = data.shopLocales.map(({ locale, name, primary }) => ({ locale, name, primary }));
      if (published.length > 0) locales = published.sort((a, b) => Number(b.primary) - Number(a.primary));
    }
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    shopifyUnavailable = true;
    // The languages the merchant wrote texts for before, so nothing they wrote disappears from the form.
    for (const locale of Object.keys(stored.document.texts)) {
      if (!locales.some((known) => known.locale === locale)) locales.push({ locale, name: locale, primary: false });
    }
  }
  return {
    form: brandingToForm(stored.document, locales),
    locales,
    shop,
    defaults: portalDefaultTexts(locales.map((locale) => locale.locale)),
    publish: { ...publish, publishedLabel: publishedDate(publish.publishedAt) },
    shopifyUnavailable,
  };
};

const intentSchema = z.object({ intent: z.enum(["save", "publish"]) });

type ActionResult =
  | { intent: "save"; ok: false; fieldErrors: FieldErrors }
  | { intent: "save"; ok: true; publish: PublishResult }
  | { intent: "publish"; ok: true; publish: PublishResult };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult> => {
  const { admin, session } = await authenticate.admin(request);
  const form = Object.fromEntries(
    [...(await request.formData()).entries()].map(([key, value]) => [key, typeof value === "string" ? value : ""]),
  );
  const { intent } = intentSchema.catch({ intent: "save" }).parse(form);
  if (intent === "publish") {
    return { intent, ok: true, publish: await publishStorefrontSnapshot(admin, session.shop) };
  }
  // The languages the form carries texts for (the shop's, as the page loaded them).
  const locales = [...new Set(Object.keys(form).map((key) => /^texts\.([^.]+)\.heading$/.exec(key)?.[1]))]
    .filter((locale): locale is string => locale !== undefined && LOCALE.test(locale))
    .map((locale) => ({ locale, primary: false }));
  const previous = await getBranding(session.shop);
  const parsed = parseBrandingForm(form, locales, previous.document);
  if (!parsed.ok) return { intent, ok: false, fieldErrors: parsed.fieldErrors };
  await saveBranding(session.shop, parsed.value);
  return { intent, ok: true, publish: await publishStorefrontSnapshot(admin, session.shop) };
};

const HEX_PREVIEW = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** The value a native colour input accepts (#rrggbb), for a valid draft colour. */
function sixDigitHex(color: string): string | null {
  const value = color.trim().toLowerCase();
  if (!HEX_PREVIEW.test(value)) return null;
  return value.length === 4 ? `#${value[1]}${value[1]}${value[2]}${value[2]}${value[3]}${value[3]}` : value;
}

function ColorField(props: {
  name: "accentColor" | "textOnAccentColor";
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
          aria-label={format(text.colors.pick, { label: props.label.toLowerCase() })}
          value={hex ?? "#000000"}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          style={{ inlineSize: 44, blockSize: 36, padding: 2, border: 0, background: "transparent", cursor: "pointer" }}
        />
      }
    />
  );
}

/** The preview frame, scaled down to its column when the chosen width does not fit. */
function PreviewFrame({ html, width, title }: { html: string; width: number; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState<number>(width);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setAvailable(entry?.contentRect.width ?? width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);
  const scale = Math.min(1, available / width);
  return (
    <div ref={container} style={{ inlineSize: "100%", blockSize: PREVIEW_HEIGHT * scale, overflow: "hidden" }}>
      <iframe
        title={title}
        sandbox=""
        srcDoc={html}
        style={{
          inlineSize: width,
          blockSize: PREVIEW_HEIGHT,
          border: "1px solid var(--p-color-border)",
          borderRadius: 8,
          transform: `scale(${scale})`,
          transformOrigin: "top left",
          background: "#ffffff",
          marginInline: scale === 1 ? "auto" : undefined,
          display: "block",
        }}
      />
    </div>
  );
}

export default function BrandingPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { locales, shop, defaults, publish, shopifyUnavailable } = loaderData;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const preview = useFetcher<typeof previewLoader>();

  const savedKey = JSON.stringify(loaderData.form);
  const [draft, setDraft] = useState<Record<string, string>>(loaderData.form);
  const [submittedKey, setSubmittedKey] = useState<string | null>(null);
  const [localeIndex, setLocaleIndex] = useState(0);
  const [width, setWidth] = useState<keyof typeof PREVIEW_WIDTHS>("mobile");
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [previewKey, setPreviewKey] = useState<string | null>(null);

  // A save (or another tab's) changed what is stored: start again from it.
  const [baselineKey, setBaselineKey] = useState(savedKey);
  if (baselineKey !== savedKey) {
    setBaselineKey(savedKey);
    setDraft(JSON.parse(savedKey) as Record<string, string>);
  }

  const draftKey = JSON.stringify(draft);
  const dirty = draftKey !== savedKey;
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const publishing = navigation.state === "submitting" && navigation.formData?.get("intent") === "publish";
  const previewLocale = locales[localeIndex]?.locale ?? locales[0]?.locale ?? "en";
  const primaryLocale = locales.find((locale) => locale.primary)?.locale ?? previewLocale;
  const languageName = (code: string) => locales.find((locale) => locale.locale === code)?.name ?? code;

  useEffect(() => {
    if (!actionData?.ok) return;
    const result = actionData.publish;
    if (actionData.intent === "save") {
      shopify.toast.show(result.ok ? text.saved : text.savedNotPublishedTitle, { isError: !result.ok });
    } else if (result.ok) {
      shopify.toast.show(result.unchanged ? text.status.unchangedToast : text.status.publishedToast);
    }
  }, [actionData, shopify]);

  // The preview follows the draft, a moment after the merchant stops typing.
  const previewQuery = useMemo(() => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) {
      const textsOf = /^texts\.([^.]+)\./.exec(key)?.[1];
      if (textsOf && textsOf !== previewLocale && textsOf !== primaryLocale) continue;
      params.set(key, value);
    }
    params.set("locale", previewLocale);
    params.set("primaryLocale", primaryLocale);
    params.set("shopName", shop.name);
    params.set("shopEmail", shop.email);
    params.set("shopCurrency", shop.currency);
    return params.toString();
  }, [draft, previewLocale, primaryLocale, shop]);
  const { load: loadPreview } = preview;
  useEffect(() => {
    const timer = setTimeout(() => {
      setPreviewKey(previewQuery);
      loadPreview(`/app/branding/preview?${previewQuery}`);
    }, 300);
    return () => clearTimeout(timer);
  }, [previewQuery, loadPreview]);
  const previewData = preview.data;
  // The last preview that rendered stays up while the next one loads, or when one fails.
  if (previewData?.ok && previewData.html !== previewHtml) setPreviewHtml(previewData.html);

  const previewCurrent = previewKey === previewQuery && preview.state === "idle" && previewData?.ok;
  const fieldErrors: FieldErrors = {
    ...(actionData?.intent === "save" && !actionData.ok && submittedKey === draftKey ? actionData.fieldErrors : {}),
    ...(previewCurrent ? previewData.fieldErrors : {}),
  };
  const warnings = previewCurrent ? previewData.warnings : [];
  const errorText = (field: string) => {
    const key = fieldErrors[field];
    return key ? (text.errors[key as keyof typeof text.errors] ?? text.errors.invalid) : undefined;
  };

  const set = (name: string) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const setChecked = (group: "modules" | "contact", options: readonly string[]) => (selected: string[]) =>
    setDraft((current) => {
      const next = { ...current };
      for (const option of options) {
        if (selected.includes(option)) next[`${group}.${option}`] = "on";
        else delete next[`${group}.${option}`];
      }
      return next;
    });
  const checked = (group: "modules" | "contact", options: readonly string[]) =>
    options.filter((option) => draft[`${group}.${option}`] === "on");

  const save = () => {
    setSubmittedKey(draftKey);
    submit({ ...draft, intent: "save" }, { method: "post" });
  };
  const discard = () => setDraft(JSON.parse(savedKey) as Record<string, string>);
  const publishNow = () => submit({ intent: "publish" }, { method: "post" });

  const saveFailed = actionData?.intent === "save" && !actionData.ok && submittedKey === draftKey;
  const radius = Number(draft.radius);
  const modules = PORTAL_MODULES;
  const contactOptions = CONTACT_OPTIONS;
  const tabs = locales.map((locale) => ({
    id: `branding-texts-${locale.locale}`,
    content: locale.primary ? format(text.texts.primary, { language: locale.name }) : locale.name,
  }));

  return (
    <AdminPage title={text.title}>
      <SaveBar id={SAVE_BAR_ID} open={dirty}>
        <button variant="primary" onClick={save} disabled={saving} {...(saving ? { loading: "" } : {})}>
          {text.save}
        </button>
        <button onClick={discard} disabled={saving}>
          {text.discard}
        </button>
      </SaveBar>
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
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {text.colors.heading}
                </Text>
                <ColorField
                  name="accentColor"
                  label={text.colors.accent}
                  helpText={text.colors.accentHelp}
                  value={draft.accentColor ?? ""}
                  error={errorText("accentColor")}
                  onChange={set("accentColor")}
                />
                <ColorField
                  name="textOnAccentColor"
                  label={text.colors.textOnAccent}
                  helpText={text.colors.textOnAccentHelp}
                  value={draft.textOnAccentColor ?? ""}
                  error={errorText("textOnAccentColor")}
                  onChange={set("textOnAccentColor")}
                />
                {warnings.length > 0 ? (
                  <Banner tone="warning" title={text.colors.contrastTitle}>
                    <BlockStack gap="100">
                      {warnings.map((warning) => (
                        <p key={warning.pair}>
                          {format(
                            warning.pair === "textOnAccent"
                              ? text.colors.textOnAccentWarning
                              : text.colors.accentOnWhiteWarning,
                            { ratio: warning.ratio.toFixed(2), required: warning.required },
                          )}
                        </p>
                      ))}
                      <p>{text.colors.contrastNote}</p>
                    </BlockStack>
                  </Banner>
                ) : null}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {text.layout.heading}
                </Text>
                <RangeSlider
                  label={text.layout.radius}
                  min={BRANDING_LIMITS.radiusMin}
                  max={BRANDING_LIMITS.radiusMax}
                  step={1}
                  value={Number.isFinite(radius) ? radius : 0}
                  onChange={(value) => set("radius")(String(value))}
                  output
                  suffix={
                    <Text as="span" variant="bodyMd">
                      {format(text.layout.radiusValue, { value: draft.radius ?? "" })}
                    </Text>
                  }
                  error={errorText("radius")}
                />
                <ChoiceList
                  title={text.layout.density}
                  choices={[
                    { label: text.layout.comfortable, value: "comfortable", helpText: text.layout.comfortableHelp },
                    { label: text.layout.compact, value: "compact", helpText: text.layout.compactHelp },
                  ]}
                  selected={[draft.density ?? "comfortable"]}
                  onChange={([value]) => set("density")(value ?? "comfortable")}
                  error={errorText("density")}
                />
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {text.modules.heading}
                </Text>
                <ChoiceList
                  title={text.modules.label}
                  allowMultiple
                  choices={modules.map((module) => ({
                    label: text.modules[module],
                    value: module,
                    helpText: text.modules[`${module}Help`],
                  }))}
                  selected={checked("modules", modules)}
                  onChange={setChecked("modules", modules)}
                  error={errorText("modules")}
                />
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {text.contact.heading}
                </Text>
                <ChoiceList
                  title={text.contact.label}
                  allowMultiple
                  choices={[
                    {
                      label: text.contact.email,
                      value: "email",
                      helpText: shop.email
                        ? format(text.contact.emailHelp, { email: shop.email })
                        : text.contact.emailHelpNoEmail,
                    },
                    {
                      label: text.contact.orderRequired,
                      value: "orderRequired",
                      helpText: text.contact.orderRequiredHelp,
                    },
                  ]}
                  selected={checked("contact", contactOptions)}
                  onChange={setChecked("contact", contactOptions)}
                />
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <BlockStack gap="100">
                  <Text as="h2" variant="headingMd">
                    {text.texts.heading}
                  </Text>
                  <Text as="p" tone="subdued">
                    {text.texts.description}
                  </Text>
                </BlockStack>
                <Tabs tabs={tabs} selected={localeIndex} onSelect={setLocaleIndex}>
                  <Box paddingBlockStart="300">
                    <BlockStack gap="300">
                      <TextField
                        label={text.texts.headingLabel}
                        name={`texts.${previewLocale}.heading`}
                        autoComplete="off"
                        value={draft[`texts.${previewLocale}.heading`] ?? ""}
                        onChange={set(`texts.${previewLocale}.heading`)}
                        placeholder={defaults[previewLocale]?.heading}
                        maxLength={BRANDING_LIMITS.heading}
                        showCharacterCount
                        error={errorText(`texts.${previewLocale}.heading`)}
                      />
                      <TextField
                        label={text.texts.introLabel}
                        name={`texts.${previewLocale}.intro`}
                        autoComplete="off"
                        multiline={3}
                        value={draft[`texts.${previewLocale}.intro`] ?? ""}
                        onChange={set(`texts.${previewLocale}.intro`)}
                        placeholder={defaults[previewLocale]?.intro}
                        maxLength={BRANDING_LIMITS.intro}
                        showCharacterCount
                        error={errorText(`texts.${previewLocale}.intro`)}
                      />
                    </BlockStack>
                  </Box>
                </Tabs>
              </BlockStack>
            </Card>
          </BlockStack>

          <div style={{ position: "sticky", insetBlockStart: 16 }}>
            <BlockStack gap="400">
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {text.status.heading}
                  </Text>
                  {publish.status === "failed" && publish.error ? (
                    <Banner
                      tone="critical"
                      title={text.status.failedTitle}
                      action={{ content: text.status.publishNow, loading: publishing, onAction: publishNow }}
                    >
                      <p>{publish.error}</p>
                    </Banner>
                  ) : null}
                  <InlineStack align="space-between" blockAlign="center" gap="200">
                    <Text as="p" tone={publish.publishedLabel ? undefined : "subdued"}>
                      {publish.publishedLabel
                        ? format(text.status.published, { date: publish.publishedLabel })
                        : text.status.never}
                    </Text>
                    {publish.status !== "failed" ? (
                      <Button onClick={publishNow} loading={publishing} disabled={dirty}>
                        {text.status.publishNow}
                      </Button>
                    ) : null}
                  </InlineStack>
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <InlineStack align="space-between" blockAlign="center" gap="200">
                    <Text as="h2" variant="headingMd">
                      {text.preview.heading}
                    </Text>
                    <InlineStack gap="200" blockAlign="center" align="end">
                      {preview.state !== "idle" ? (
                        <Spinner size="small" accessibilityLabel={text.preview.updating} />
                      ) : null}
                      <div role="group" aria-label={text.preview.width}>
                        <ButtonGroup variant="segmented">
                          <Button pressed={width === "mobile"} onClick={() => setWidth("mobile")}>
                            {text.preview.mobile}
                          </Button>
                          <Button pressed={width === "desktop"} onClick={() => setWidth("desktop")}>
                            {text.preview.desktop}
                          </Button>
                        </ButtonGroup>
                      </div>
                    </InlineStack>
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    {text.preview.description}
                  </Text>
                  {previewData && !previewData.ok ? (
                    <Banner tone="warning">
                      <p>{text.preview.failed}</p>
                    </Banner>
                  ) : null}
                  {previewCurrent && Object.keys(previewData.fieldErrors).length > 0 ? (
                    <Banner tone="info">
                      <p>{text.preview.fixFields}</p>
                    </Banner>
                  ) : null}
                  {previewHtml ? (
                    <PreviewFrame
                      html={previewHtml}
                      width={PREVIEW_WIDTHS[width]}
                      title={format(text.preview.frameTitle, {
                        width: PREVIEW_WIDTHS[width],
                        language: languageName(previewLocale),
                      })}
                    />
                  ) : (
                    <BlockStack gap="300">
                      <SkeletonDisplayText size="small" />
                      <SkeletonBodyText lines={8} />
                    </BlockStack>
                  )}
                </BlockStack>
              </Card>
            </BlockStack>
          </div>
        </InlineGrid>
      </BlockStack>
    </AdminPage>
  );
}
