import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Layout } from "@shopify/polaris";

import { AdminPage } from "../../components/AdminPage";
import { FaqLocalesBanner } from "../../components/FaqLocalesBanner";
import { PublishOutcomeBanner } from "../../components/Publishing";
import { toast, type Toast } from "../../components/toast";
import { FAQ_CSV_LIMITS, importFaqCsv, type CsvProblem } from "../../features/faq/faq-csv.server";
import { loadFaqLocales } from "../../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../../features/publishing/publish-storefront-snapshot.server";
import { adminText, format } from "../../i18n";
import { readBodyUpTo, withBody } from "../../platform/read-body.server";
import { authenticate } from "../../shopify.server";
import { ExportCard } from "./components/ExportCard";
import { ImportCard } from "./components/ImportCard";
import { ImportProblems } from "./components/ImportProblems";

const text = adminText.faq;
const importText = text.import;

export const meta: MetaFunction = () => [{ title: importText.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const { locales, shopifyUnavailable } = await loadFaqLocales(admin, session.shop);
  return { locales, shopifyUnavailable };
};

type ActionData =
  | { ok: false; message: "noFile" | "notCsv" }
  | { ok: false; problems: CsvProblem[] }
  | {
      ok: true;
      articlesCreated: number;
      articlesUpdated: number;
      translations: number;
      publish: PublishResult;
      toast: Toast;
    };

/** The one admin form still posted as multipart: it carries a file. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  // The file's limit plus room for the multipart envelope. (Inside the action: a .server value at module level
  // would run, undefined, in the browser.)
  const body = await readBodyUpTo(request, FAQ_CSV_LIMITS.bytes + 64 * 1024);
  if (!body.ok) {
    const tooLarge: ActionData = {
      ok: false,
      problems: [{ row: null, column: null, code: "tooLarge", params: { max: "2 MB" } }],
    };
    return data(tooLarge, { status: 413 });
  }
  const file = (
    await withBody(request, body.bytes)
      .formData()
      .catch(() => null)
  )?.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "noFile" } satisfies ActionData;
  if (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) {
    return { ok: false, message: "notCsv" } satisfies ActionData;
  }
  const { locales } = await loadFaqLocales(admin, session.shop);
  const result = await importFaqCsv(session.shop, await file.text(), locales);
  if (!result.ok) return result satisfies ActionData;
  const publish = await publishStorefrontSnapshot(admin, session.shop);
  return { ...result, publish, toast: toast(importText.importedToast) } satisfies ActionData;
};

export default function FaqImportExport() {
  const { shopifyUnavailable } = useLoaderData<typeof loader>();
  const answer = useActionData<ActionData>();
  const importing = useNavigation().state === "submitting";
  const submit = useSubmit();

  function importFile(file: File) {
    const form = new FormData();
    form.set("file", file);
    submit(form, { method: "post", encType: "multipart/form-data" });
  }

  return (
    <AdminPage title={importText.title} backAction={{ content: text.actions.back, url: "/app/faq" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <FaqLocalesBanner show={shopifyUnavailable} />
            {answer?.ok ? (
              <>
                <Banner tone="success" title={importText.importedTitle}>
                  <p>
                    {format(importText.imported, {
                      created: answer.articlesCreated,
                      updated: answer.articlesUpdated,
                      translations: answer.translations,
                    })}
                  </p>
                </Banner>
                <PublishOutcomeBanner publish={answer.publish} />
              </>
            ) : null}
            <ImportProblems problems={answer && "problems" in answer ? answer.problems : []} />
            <ImportCard
              importing={importing}
              refused={answer && "message" in answer ? answer.message : null}
              onImport={importFile}
            />
            <ExportCard />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
