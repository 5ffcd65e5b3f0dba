import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Await, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Layout } from "@shopify/polaris";
import { Suspense, useMemo } from "react";

import { AdminPage } from "../../components/AdminPage";
import { EditForm, useDraft, useJsonSubmit } from "../../components/form";
import { toast } from "../../components/toast";
import type { PolicyFieldErrors } from "../../features/policy/ReturnPolicy.shared";
import {
  loadReturnPolicyPage,
  saveReturnPolicyPage,
  type PolicyPageData,
  type PolicyPageLoad,
} from "../../features/policy/return-policy-page.server";
import { adminText } from "../../i18n";
import { readAdminForm } from "../../platform/admin-form.server";
import { authenticate } from "../../shopify.server";
import { AutoApproveSection } from "./components/AutoApproveSection";
import { FinalSaleSection } from "./components/FinalSaleSection";
import { PolicyBanners } from "./components/PolicyBanners";
import { PolicySkeleton, PolicyUnavailable } from "./components/PolicySkeleton";
import { PolicyTextSection } from "./components/PolicyTextSection";
import { ReasonsSection } from "./components/ReasonsSection";
import { ResolutionsSection } from "./components/ResolutionsSection";
import type { SectionProps } from "./components/section-props";
import { WindowSection } from "./components/WindowSection";
import { toPolicyDraft, toPolicyInput } from "./policy-draft";
import { saveSchema } from "./schema.server";

const text = adminText.policy;

export const meta: MetaFunction = () => [{ title: text.documentTitle }];

// The saved policy and what Shopify knows (reasons, collections, languages) stream in: the page shows a
// skeleton meanwhile instead of holding the navigation.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return { page: loadReturnPolicyPage(admin, session.shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = saveSchema.safeParse(await readAdminForm(request));
  if (!parsed.success) return { ok: false as const, fieldErrors: { document: "invalid" } as PolicyFieldErrors };
  const saved = await saveReturnPolicyPage(admin, session.shop, parsed.data.policy);
  return saved.ok ? { ...saved, toast: toast(text.savedToast) } : saved;
};

// Only a successful save changes what the page loaded (publishing and previews post to their own routes); a
// refused save keeps the merchant's edits on screen without loading Shopify's data again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod || formMethod.toUpperCase() === "GET") return defaultShouldRevalidate;
  return typeof actionResult === "object" && actionResult !== null && "reviewedAt" in actionResult;
};

export default function ReturnPolicyPage() {
  const { page } = useLoaderData<typeof loader>() as unknown as { page: Promise<PolicyPageLoad> };
  return (
    <Suspense fallback={<PolicySkeleton />}>
      <Await resolve={page} errorElement={<PolicyUnavailable />}>
        {(loaded) => (loaded.ok ? <PolicyEditor data={loaded.data} /> : <PolicyUnavailable />)}
      </Await>
    </Suspense>
  );
}

function PolicyEditor({ data }: { data: PolicyPageData }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useJsonSubmit();
  const saved = useMemo(() => toPolicyDraft(data), [data]);
  const { draft, setDraft, reset, dirty } = useDraft(saved);
  const saving = navigation.state === "submitting";

  const errors: PolicyFieldErrors = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : {};
  const errorAt = (path: string) => {
    const field = Object.keys(errors).find((key) => key === path || key.startsWith(`${path}.`));
    return field ? text.errors[errors[field]!] : undefined;
  };
  // The outcome of publishing shows once the page holds the policy that save stored.
  const publish = actionData?.ok && actionData.reviewedAt === data.reviewedAt ? actionData.publish : undefined;
  const save = () => submit({ policy: toPolicyInput(draft, data) });
  const sections: SectionProps = { data, draft, edit: setDraft, errors, errorAt };

  return (
    <AdminPage
      title={text.title}
      primaryAction={{ content: adminText.form.save, loading: saving, disabled: !dirty || saving, onAction: save }}
    >
      <EditForm id="return-policy-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={reset}>
        <BlockStack gap="500">
          <PolicyBanners
            data={data}
            errorCount={Object.keys(errors).length}
            saveUnavailable={Boolean(actionData && "shopifyUnavailable" in actionData)}
            publish={publish}
          />
          <Layout>
            <WindowSection {...sections} />
            <ResolutionsSection {...sections} />
            <FinalSaleSection {...sections} />
            <ReasonsSection {...sections} />
            <AutoApproveSection {...sections} />
            <PolicyTextSection {...sections} />
          </Layout>
        </BlockStack>
      </EditForm>
    </AdminPage>
  );
}
