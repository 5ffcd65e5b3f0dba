import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Await, useActionData, useFetcher, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Autocomplete,
  Banner,
  BlockStack,
  Box,
  Card,
  Checkbox,
  ChoiceList,
  InlineError,
  InlineGrid,
  InlineStack,
  Layout,
  Select,
  SkeletonBodyText,
  SkeletonDisplayText,
  Tabs,
  Tag,
  Text,
  TextField,
} from "@shopify/polaris";
import { Suspense, useEffect, useMemo, useState } from "react";
import { z } from "zod";

import { AdminPage } from "../components/AdminPage";
import { RetryBanner } from "../components/RetryBanner";
import { adminText, format } from "../i18n";
import {
  POLICY_LIMITS,
  RESOLUTIONS,
  type PolicyFieldErrors,
  type Resolution,
  type WindowStart,
} from "../features/policy/ReturnPolicy.shared";
import type { PublishResult } from "../features/publishing/publish-storefront-snapshot.server";
import { renderMarkdown } from "../platform/render-markdown.server";
import {
  loadReturnPolicyPage,
  publishPolicy,
  saveReturnPolicyPage,
  type PolicyPageData,
  type PolicyPageLoad,
} from "../features/policy/return-policy-page.server";
import { authenticate } from "../shopify.server";

const text = adminText.policy;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

// The saved policy and what Shopify knows (reasons, collections, languages) stream in: the page shows a
// skeleton meanwhile instead of holding the navigation.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return { page: loadReturnPolicyPage(admin, session.shop) };
};

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), policy: z.unknown() }),
  z.object({
    intent: z.literal("preview"),
    locale: z.string().max(20),
    markdown: z.string().max(POLICY_LIMITS.policyText),
  }),
  z.object({ intent: z.literal("publish") }),
]);

type ActionData =
  | { intent: "save"; ok: true; reviewedAt: string; publish: PublishResult }
  | { intent: "save"; ok: false; fieldErrors: PolicyFieldErrors }
  | { intent: "save"; ok: false; shopifyUnavailable: true }
  | { intent: "preview"; locale: string; html: string }
  | { intent: "publish"; publish: PublishResult };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionData> => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return { intent: "save", ok: false, fieldErrors: { document: "invalid" } };
  const body = parsed.data;
  if (body.intent === "preview") {
    // The same renderer and allow-list as the published text.
    return { intent: "preview", locale: body.locale, html: renderMarkdown(body.markdown) };
  }
  if (body.intent === "publish") return { intent: "publish", publish: await publishPolicy(admin, session.shop) };
  return { intent: "save", ...(await saveReturnPolicyPage(admin, session.shop, body.policy)) };
};

// Only a successful save changes what the page loaded; a refused save keeps the merchant's edits on screen.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod || formMethod.toUpperCase() === "GET") return defaultShouldRevalidate;
  const result = actionResult as ActionData | undefined;
  return result?.intent === "save" && result.ok;
};

export default function ReturnPolicyPage() {
  const { page } = useLoaderData<typeof loader>() as unknown as { page: Promise<PolicyPageLoad> };
  return (
    <Suspense fallback={<PolicySkeleton />}>
      <Await resolve={page} errorElement={<Unavailable />}>
        {(loaded) =>
          loaded.ok ? <PolicyEditor key={loaded.data.reviewedAt ?? "default"} data={loaded.data} /> : <Unavailable />
        }
      </Await>
    </Suspense>
  );
}

function PolicySkeleton() {
  return (
    <AdminPage title={text.title} primaryAction={{ content: text.actions.save, disabled: true }}>
      <Text as="p" visuallyHidden>
        {text.loading}
      </Text>
      <Layout>
        {[0, 1, 2].map((section) => (
          <Layout.AnnotatedSection key={section} title={<SkeletonDisplayText size="small" />}>
            <Card>
              <SkeletonBodyText lines={4} />
            </Card>
          </Layout.AnnotatedSection>
        ))}
      </Layout>
    </AdminPage>
  );
}

function Unavailable() {
  return (
    <AdminPage title={text.title}>
      <RetryBanner title={text.banners.unavailableTitle} retryLabel={text.actions.tryAgain}>
        <p>{text.banners.unavailable}</p>
      </RetryBanner>
    </AdminPage>
  );
}

// ---- The form ----

type FeeType = "percentage" | "fixed";
interface FeeDraft {
  type: FeeType;
  value: string;
}
interface ResolutionDraft {
  enabled: boolean;
  restockingFee: FeeDraft;
  returnShippingFee: FeeDraft;
}
interface Draft {
  windowDays: string;
  windowStartsAt: WindowStart;
  resolutions: Record<Resolution, ResolutionDraft>;
  tags: string;
  productTypes: string;
  collectionIds: string[];
  minDiscountPercent: string;
  autoApprove: { enabled: boolean; withinDays: string; maxOrderValue: string; reviewReasonIds: string[] };
  /** By reason id, for every reason Shopify offers. */
  reasons: Record<string, { offered: boolean; noteRequired: boolean }>;
  policyText: Record<string, string>;
}

type Policy = PolicyPageData["policy"];

function feeDraft(fee: Policy["resolutions"]["refund"]["restockingFee"]): FeeDraft {
  return fee.type === "percentage"
    ? { type: "percentage", value: String(fee.percentage) }
    : { type: "fixed", value: fee.amount };
}

function toDraft(data: PolicyPageData): Draft {
  const { policy } = data;
  const chosen = new Map(policy.reasons.map((reason) => [reason.id, reason]));
  return {
    windowDays: String(policy.windowDays),
    windowStartsAt: policy.windowStartsAt,
    resolutions: Object.fromEntries(
      RESOLUTIONS.map((resolution) => {
        const rules = policy.resolutions[resolution];
        return [
          resolution,
          {
            enabled: rules.enabled,
            restockingFee: feeDraft(rules.restockingFee),
            returnShippingFee: feeDraft(rules.returnShippingFee),
          },
        ];
      }),
    ) as Record<Resolution, ResolutionDraft>,
    tags: policy.finalSale.tags.join(", "),
    productTypes: policy.finalSale.productTypes.join(", "),
    collectionIds: policy.finalSale.collectionIds,
    minDiscountPercent: policy.finalSale.minDiscountPercent === null ? "" : String(policy.finalSale.minDiscountPercent),
    autoApprove: {
      enabled: policy.autoApprove.enabled,
      withinDays: policy.autoApprove.withinDays === null ? "" : String(policy.autoApprove.withinDays),
      maxOrderValue: policy.autoApprove.maxOrderValue ?? "",
      reviewReasonIds: policy.autoApprove.reviewReasonIds,
    },
    reasons: Object.fromEntries(
      data.reasons.map((reason) => [
        reason.id,
        { offered: chosen.has(reason.id), noteRequired: chosen.get(reason.id)?.noteRequired ?? false },
      ]),
    ),
    policyText: Object.fromEntries(data.locales.map(({ locale }) => [locale, policy.policyText[locale] ?? ""])),
  };
}

const splitList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** The draft as the policy document the server validates (numbers stay as typed: the server reads them). */
function toPolicyInput(draft: Draft, data: PolicyPageData) {
  const fee = ({ type, value }: FeeDraft): { type: FeeType; percentage: string } | { type: FeeType; amount: string } =>
    type === "percentage" ? { type, percentage: value.trim() } : { type, amount: value.trim() };
  const offered = data.reasons.filter((reason) => draft.reasons[reason.id]?.offered);
  return {
    windowDays: draft.windowDays.trim(),
    windowStartsAt: draft.windowStartsAt,
    resolutions: Object.fromEntries(
      RESOLUTIONS.map((resolution) => {
        const rules = draft.resolutions[resolution];
        return [
          resolution,
          {
            enabled: rules.enabled,
            restockingFee: fee(rules.restockingFee),
            returnShippingFee: fee(rules.returnShippingFee),
          },
        ];
      }),
    ),
    finalSale: {
      tags: splitList(draft.tags),
      productTypes: splitList(draft.productTypes),
      collectionIds: draft.collectionIds,
      minDiscountPercent: draft.minDiscountPercent.trim(),
    },
    autoApprove: {
      enabled: draft.autoApprove.enabled,
      withinDays: draft.autoApprove.withinDays.trim(),
      maxOrderValue: draft.autoApprove.maxOrderValue.trim(),
      // Only reasons still offered can be reviewed; unticking a reason drops it here too.
      reviewReasonIds: draft.autoApprove.reviewReasonIds.filter((id) => draft.reasons[id]?.offered),
    },
    reasons: offered.map((reason) => ({
      id: reason.id,
      handle: reason.handle,
      noteRequired: draft.reasons[reason.id]?.noteRequired ?? false,
    })),
    policyText: Object.fromEntries(Object.entries(draft.policyText).filter(([, markdown]) => markdown.trim())),
  };
}

const RESOLUTION_LABEL: Record<Resolution, string> = {
  refund: text.resolutions.refund,
  storeCredit: text.resolutions.storeCredit,
  exchange: text.resolutions.exchange,
};

function PolicyEditor({ data }: { data: PolicyPageData }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const preview = useFetcher<typeof action>();
  const republish = useFetcher<typeof action>();

  const initial = useMemo(() => toDraft(data), [data]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [tab, setTab] = useState(0);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const saving = navigation.state === "submitting" && navigation.json !== undefined;

  const saveResult = actionData?.intent === "save" ? actionData : undefined;
  const fieldErrors: PolicyFieldErrors =
    saveResult && !saveResult.ok && "fieldErrors" in saveResult ? saveResult.fieldErrors : {};
  const errorCount = Object.keys(fieldErrors).length;
  const saveUnavailable = Boolean(saveResult && !saveResult.ok && "shopifyUnavailable" in saveResult);
  const publish =
    republish.data?.intent === "publish"
      ? republish.data.publish
      : saveResult?.ok && saveResult.reviewedAt === data.reviewedAt
        ? saveResult.publish
        : undefined;

  // The editor remounts with the saved policy after a save; the toast belongs to that save.
  useEffect(() => {
    if (saveResult?.ok && saveResult.reviewedAt === data.reviewedAt) shopify.toast.show(text.savedToast);
  }, [saveResult, data.reviewedAt, shopify]);

  const errorAt = (path: string): string | undefined => {
    const key = Object.keys(fieldErrors).find((field) => field === path || field.startsWith(`${path}.`));
    return key ? text.errors[fieldErrors[key]!] : undefined;
  };

  function update(patch: Partial<Draft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
  }
  function updateResolution(resolution: Resolution, patch: Partial<ResolutionDraft>) {
    setDraft((previous) => ({
      ...previous,
      resolutions: { ...previous.resolutions, [resolution]: { ...previous.resolutions[resolution], ...patch } },
    }));
  }
  function updateAutoApprove(patch: Partial<Draft["autoApprove"]>) {
    setDraft((previous) => ({ ...previous, autoApprove: { ...previous.autoApprove, ...patch } }));
  }
  function updateReason(id: string, patch: Partial<{ offered: boolean; noteRequired: boolean }>) {
    setDraft((previous) => {
      const current = previous.reasons[id] ?? { offered: false, noteRequired: false };
      const next = { ...current, ...patch };
      if (!next.offered) next.noteRequired = false;
      return { ...previous, reasons: { ...previous.reasons, [id]: next } };
    });
  }
  function save() {
    submit({ intent: "save", policy: toPolicyInput(draft, data) }, { method: "post", encType: "application/json" });
  }
  function discard() {
    setDraft(initial);
  }

  const locales = data.locales.length > 0 ? data.locales : [{ locale: "en", name: "English", primary: true }];
  const locale = locales[Math.min(tab, locales.length - 1)]!;
  const primary = locales.find((candidate) => candidate.primary) ?? locales[0]!;
  const markdown = draft.policyText[locale.locale] ?? "";

  // The preview follows the text being written, a moment after typing stops.
  useEffect(() => {
    if (!markdown.trim() || markdown === data.policy.policyText[locale.locale]) return;
    const timer = setTimeout(
      () =>
        preview.submit(
          { intent: "preview", locale: locale.locale, markdown },
          { method: "post", encType: "application/json" },
        ),
      350,
    );
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- preview.submit is stable enough; re-run on text only
  }, [markdown, locale.locale]);
  const previewHtml =
    markdown === data.policy.policyText[locale.locale]
      ? (data.previewHtml[locale.locale] ?? "")
      : preview.data?.intent === "preview" && preview.data.locale === locale.locale
        ? preview.data.html
        : "";

  const reasonName = new Map(data.reasons.map((reason) => [reason.id, reason.name]));
  const offeredReasons = data.reasons.filter((reason) => draft.reasons[reason.id]?.offered);
  const reviewedOn = data.reviewedAt
    ? new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: data.timezone }).format(new Date(data.reviewedAt))
    : null;

  const tabs = locales.map((item) => {
    const hasError = Boolean(errorAt(`policyText.${item.locale}`));
    const written = Boolean(draft.policyText[item.locale]?.trim());
    const label = hasError
      ? format(text.text.withErrors, { language: item.name })
      : item.primary
        ? format(text.text.primary, { language: item.name })
        : written
          ? item.name
          : format(text.text.emptyLanguage, { language: item.name });
    return { id: `policy-text-${item.locale}`, content: label, panelID: `policy-text-panel-${item.locale}` };
  });

  return (
    <AdminPage
      title={text.title}
      primaryAction={{ content: text.actions.save, loading: saving, disabled: !dirty || saving, onAction: save }}
    >
      <SaveBar id="return-policy-save-bar" open={dirty}>
        <button variant="primary" onClick={save} disabled={saving}>
          {text.actions.save}
        </button>
        <button onClick={discard}>{text.actions.discard}</button>
      </SaveBar>
      <BlockStack gap="500">
        <Banners
          data={data}
          reviewedOn={reviewedOn}
          errorCount={errorCount}
          saveUnavailable={saveUnavailable}
          publish={publish}
          republishing={republish.state !== "idle"}
          onRepublish={() => republish.submit({ intent: "publish" }, { method: "post", encType: "application/json" })}
        />
        <Layout>
          <Layout.AnnotatedSection id="window" title={text.window.title} description={text.window.description}>
            <Card>
              <BlockStack gap="400">
                <TextField
                  label={text.window.days}
                  type="number"
                  min={POLICY_LIMITS.windowDays.min}
                  max={POLICY_LIMITS.windowDays.max}
                  suffix={text.window.daysSuffix}
                  value={draft.windowDays}
                  onChange={(value) => update({ windowDays: value })}
                  error={errorAt("windowDays")}
                  autoComplete="off"
                />
                <Select
                  label={text.window.startsAt}
                  options={[
                    { label: text.window.startsAtDelivery, value: "delivery" },
                    { label: text.window.startsAtFulfillment, value: "fulfillment" },
                  ]}
                  value={draft.windowStartsAt}
                  onChange={(value) => update({ windowStartsAt: value as WindowStart })}
                  helpText={draft.windowStartsAt === "delivery" ? text.window.startsAtDeliveryHelp : undefined}
                  error={errorAt("windowStartsAt")}
                />
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection
            id="resolutions"
            title={text.resolutions.title}
            description={text.resolutions.description}
          >
            <Card>
              <BlockStack gap="500">
                {RESOLUTIONS.map((resolution) => {
                  const rules = draft.resolutions[resolution];
                  return (
                    <BlockStack gap="300" key={resolution}>
                      <Checkbox
                        label={RESOLUTION_LABEL[resolution]}
                        checked={rules.enabled}
                        onChange={(enabled) => updateResolution(resolution, { enabled })}
                      />
                      {rules.enabled ? (
                        <Box paddingInlineStart="600">
                          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                            <FeeField
                              label={text.resolutions.restockingFee}
                              amountLabel={format(text.resolutions.restockingFeeAmount, {
                                resolution: RESOLUTION_LABEL[resolution],
                              })}
                              helpText={text.resolutions.restockingFeeHelp}
                              fee={rules.restockingFee}
                              currencyCode={data.currencyCode}
                              error={errorAt(`resolutions.${resolution}.restockingFee`)}
                              onChange={(restockingFee) => updateResolution(resolution, { restockingFee })}
                            />
                            <FeeField
                              label={text.resolutions.returnShippingFee}
                              amountLabel={format(text.resolutions.returnShippingFeeAmount, {
                                resolution: RESOLUTION_LABEL[resolution],
                              })}
                              helpText={text.resolutions.returnShippingFeeHelp}
                              fee={rules.returnShippingFee}
                              currencyCode={data.currencyCode}
                              error={errorAt(`resolutions.${resolution}.returnShippingFee`)}
                              onChange={(returnShippingFee) => updateResolution(resolution, { returnShippingFee })}
                            />
                          </InlineGrid>
                        </Box>
                      ) : null}
                    </BlockStack>
                  );
                })}
                {fieldErrors.resolutions ? (
                  <InlineError message={text.errors[fieldErrors.resolutions]} fieldID="resolutions" />
                ) : null}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection
            id="final-sale"
            title={text.finalSale.title}
            description={text.finalSale.description}
          >
            <Card>
              <BlockStack gap="400">
                <TextField
                  label={text.finalSale.tags}
                  helpText={text.finalSale.tagsHelp}
                  value={draft.tags}
                  onChange={(tags) => update({ tags })}
                  error={errorAt("finalSale.tags")}
                  autoComplete="off"
                />
                <TextField
                  label={text.finalSale.productTypes}
                  helpText={text.finalSale.productTypesHelp}
                  value={draft.productTypes}
                  onChange={(productTypes) => update({ productTypes })}
                  error={errorAt("finalSale.productTypes")}
                  autoComplete="off"
                />
                <CollectionPicker
                  collections={data.collections}
                  truncated={data.collectionsTruncated}
                  selected={draft.collectionIds}
                  error={errorAt("finalSale.collectionIds")}
                  onChange={(collectionIds) => update({ collectionIds })}
                />
                <TextField
                  label={text.finalSale.minDiscount}
                  helpText={text.finalSale.minDiscountHelp}
                  type="number"
                  min={0}
                  max={100}
                  suffix={text.resolutions.percentSuffix}
                  value={draft.minDiscountPercent}
                  onChange={(minDiscountPercent) => update({ minDiscountPercent })}
                  error={errorAt("finalSale.minDiscountPercent")}
                  autoComplete="off"
                />
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection id="reasons" title={text.reasons.title} description={text.reasons.description}>
            <Card>
              <BlockStack gap="300">
                {data.reasons.length === 0 ? <Text as="p">{text.reasons.empty}</Text> : null}
                {data.reasons.map((reason) => {
                  const state = draft.reasons[reason.id] ?? { offered: false, noteRequired: false };
                  return (
                    <InlineStack key={reason.id} gap="400" align="space-between" blockAlign="center" wrap>
                      <Checkbox
                        label={reason.name}
                        checked={state.offered}
                        onChange={(offered) => updateReason(reason.id, { offered })}
                      />
                      <Checkbox
                        label={
                          <>
                            {text.reasons.requireNote}
                            <Text as="span" visuallyHidden>
                              {` (${reason.name})`}
                            </Text>
                          </>
                        }
                        checked={state.noteRequired}
                        disabled={!state.offered}
                        onChange={(noteRequired) => updateReason(reason.id, { noteRequired })}
                      />
                    </InlineStack>
                  );
                })}
                {errorAt("reasons") ? <InlineError message={errorAt("reasons")!} fieldID="reasons" /> : null}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection
            id="auto-approve"
            title={text.autoApprove.title}
            description={text.autoApprove.description}
          >
            <Card>
              <BlockStack gap="400">
                <Checkbox
                  label={text.autoApprove.enabled}
                  checked={draft.autoApprove.enabled}
                  onChange={(enabled) => updateAutoApprove({ enabled })}
                />
                {draft.autoApprove.enabled ? (
                  <BlockStack gap="400">
                    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                      <TextField
                        label={text.autoApprove.withinDays}
                        helpText={text.autoApprove.withinDaysHelp}
                        type="number"
                        min={1}
                        suffix={text.window.daysSuffix}
                        value={draft.autoApprove.withinDays}
                        onChange={(withinDays) => updateAutoApprove({ withinDays })}
                        error={errorAt("autoApprove.withinDays")}
                        autoComplete="off"
                      />
                      <TextField
                        label={text.autoApprove.maxOrderValue}
                        helpText={format(text.autoApprove.maxOrderValueHelp, { currency: data.currencyCode })}
                        inputMode="decimal"
                        suffix={data.currencyCode}
                        value={draft.autoApprove.maxOrderValue}
                        onChange={(maxOrderValue) => updateAutoApprove({ maxOrderValue })}
                        error={errorAt("autoApprove.maxOrderValue")}
                        autoComplete="off"
                      />
                    </InlineGrid>
                    {offeredReasons.length > 0 ? (
                      <ChoiceList
                        allowMultiple
                        title={text.autoApprove.reviewReasons}
                        choices={offeredReasons.map((reason) => ({ label: reason.name, value: reason.id }))}
                        selected={draft.autoApprove.reviewReasonIds.filter((id) => reasonName.has(id))}
                        onChange={(reviewReasonIds) => updateAutoApprove({ reviewReasonIds })}
                        error={errorAt("autoApprove.reviewReasonIds")}
                      />
                    ) : (
                      <Text as="p" tone="subdued">
                        {text.autoApprove.noReasonsToReview}
                      </Text>
                    )}
                  </BlockStack>
                ) : null}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection id="policy-text" title={text.text.title} description={text.text.description}>
            <Card padding="0">
              <Tabs tabs={tabs} selected={Math.min(tab, locales.length - 1)} onSelect={setTab}>
                <Box padding="400" id={`policy-text-panel-${locale.locale}`}>
                  <BlockStack gap="400">
                    <TextField
                      label={format(text.text.label, { language: locale.name })}
                      helpText={format(text.text.help, {
                        count: markdown.length.toLocaleString("en"),
                        max: POLICY_LIMITS.policyText.toLocaleString("en"),
                      })}
                      value={markdown}
                      onChange={(value) => update({ policyText: { ...draft.policyText, [locale.locale]: value } })}
                      error={errorAt(`policyText.${locale.locale}`)}
                      multiline={8}
                      maxLength={POLICY_LIMITS.policyText}
                      monospaced
                      autoComplete="off"
                    />
                    <BlockStack gap="200">
                      <Text as="h3" variant="headingSm">
                        {text.text.preview}
                      </Text>
                      <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200" minHeight="60px">
                        {markdown.trim() && previewHtml ? (
                          // Sanitized on the server by renderMarkdown, the allow-list shoppers get.
                          <div className="resolve-policy-preview" dangerouslySetInnerHTML={{ __html: previewHtml }} />
                        ) : (
                          <Text as="p" tone="subdued">
                            {!markdown.trim() && !locale.primary && draft.policyText[primary.locale]?.trim()
                              ? format(text.text.previewFallback, { language: locale.name })
                              : text.text.previewEmpty}
                          </Text>
                        )}
                      </Box>
                    </BlockStack>
                  </BlockStack>
                </Box>
              </Tabs>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
    </AdminPage>
  );
}

function Banners({
  data,
  reviewedOn,
  errorCount,
  saveUnavailable,
  publish,
  republishing,
  onRepublish,
}: {
  data: PolicyPageData;
  reviewedOn: string | null;
  errorCount: number;
  saveUnavailable: boolean;
  publish: PublishResult | undefined;
  republishing: boolean;
  onRepublish: () => void;
}) {
  const banners = text.banners;
  return (
    <>
      {errorCount > 0 ? (
        <Banner tone="critical" title={banners.fixErrorsTitle}>
          <p>{format(banners.fixErrors, { count: errorCount })}</p>
        </Banner>
      ) : null}
      {saveUnavailable ? (
        <Banner tone="warning" title={banners.saveUnavailableTitle}>
          <p>{banners.saveUnavailable}</p>
        </Banner>
      ) : null}
      {publish && !publish.ok ? (
        <Banner
          tone="warning"
          title={banners.publishFailedTitle}
          action={{ content: adminText.policy.actions.publishAgain, loading: republishing, onAction: onRepublish }}
        >
          <p>{format(banners.publishFailed, { error: publish.error })}</p>
        </Banner>
      ) : null}
      {publish?.ok ? <Banner tone="success" title={banners.publishedTitle} /> : null}
      {data.unreadable ? (
        <Banner tone="critical" title={banners.unreadableTitle}>
          <p>{banners.unreadable}</p>
        </Banner>
      ) : !data.saved ? (
        <Banner tone="info" title={banners.notReviewedTitle}>
          <p>{banners.notReviewed}</p>
        </Banner>
      ) : null}
      {data.withdrawnReasons > 0 ? (
        <Banner tone="info">
          <p>{format(banners.withdrawnReasons, { count: data.withdrawnReasons })}</p>
        </Banner>
      ) : null}
      {reviewedOn && !publish ? (
        <Text as="p" tone="subdued">
          {format(banners.reviewedOn, { date: reviewedOn })}
        </Text>
      ) : null}
    </>
  );
}

function FeeField({
  label,
  amountLabel,
  helpText,
  fee,
  currencyCode,
  error,
  onChange,
}: {
  label: string;
  amountLabel: string;
  helpText: string;
  fee: FeeDraft;
  currencyCode: string;
  error: string | undefined;
  onChange: (fee: FeeDraft) => void;
}) {
  return (
    <BlockStack gap="200">
      <Select
        label={label}
        options={[
          { label: text.resolutions.feeTypePercentage, value: "percentage" },
          { label: text.resolutions.feeTypeFixed, value: "fixed" },
        ]}
        value={fee.type}
        onChange={(type) => onChange({ type: type as FeeType, value: "" })}
      />
      <TextField
        label={amountLabel}
        labelHidden
        helpText={helpText}
        inputMode="decimal"
        suffix={fee.type === "percentage" ? text.resolutions.percentSuffix : currencyCode}
        value={fee.value}
        onChange={(value) => onChange({ ...fee, value })}
        error={error}
        autoComplete="off"
      />
    </BlockStack>
  );
}

function CollectionPicker({
  collections,
  truncated,
  selected,
  error,
  onChange,
}: {
  collections: PolicyPageData["collections"];
  truncated: boolean;
  selected: string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const [query, setQuery] = useState("");
  const titles = new Map(collections.map((collection) => [collection.id, collection.title]));
  const options = collections
    .filter((collection) => collection.title.toLowerCase().includes(query.trim().toLowerCase()))
    .map((collection) => ({ value: collection.id, label: collection.title }));
  return (
    <BlockStack gap="200">
      <Autocomplete
        allowMultiple
        options={options}
        selected={selected}
        onSelect={onChange}
        emptyState={<Text as="p">{text.finalSale.collectionsEmpty}</Text>}
        textField={
          <Autocomplete.TextField
            label={text.finalSale.collections}
            value={query}
            onChange={setQuery}
            placeholder={text.finalSale.collectionsPlaceholder}
            helpText={truncated ? text.finalSale.collectionsTruncated : undefined}
            error={error}
            autoComplete="off"
          />
        }
      />
      {selected.length > 0 ? (
        <InlineStack gap="200">
          {selected.map((id) => (
            <Tag
              key={id}
              onRemove={() => onChange(selected.filter((other) => other !== id))}
              accessibilityLabel={format(text.finalSale.removeCollection, { title: titles.get(id) ?? id })}
            >
              {titles.get(id) ?? id}
            </Tag>
          ))}
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}
