import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Card, DataTable, DropZone, InlineStack, Layout, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";

import { AdminPage } from "../components/AdminPage";
import { adminText, format } from "../i18n";
import { FAQ_CSV_LIMITS, importFaqCsv, type CsvProblem } from "../features/faq/faq-csv.server";
import { loadFaqLocales } from "../features/faq/faq-locales.server";
import {
  publishStorefrontSnapshot,
  type PublishResult,
} from "../features/publishing/publish-storefront-snapshot.server";
import { authenticate } from "../shopify.server";
import { FaqLocalesBanner, FaqPublishBanner } from "./app.faq._index";

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
  | { ok: true; articlesCreated: number; articlesUpdated: number; translations: number; publish: PublishResult };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionData> => {
  const { admin, session } = await authenticate.admin(request);
  // Refused before reading: the limit plus room for the multipart envelope.
  if (Number(request.headers.get("content-length") ?? 0) > FAQ_CSV_LIMITS.bytes + 64 * 1024) {
    return { ok: false, problems: [{ row: null, column: null, code: "tooLarge", params: { max: "2 MB" } }] };
  }
  const file = (await request.formData()).get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "noFile" };
  if (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) return { ok: false, message: "notCsv" };
  const { locales } = await loadFaqLocales(admin, session.shop);
  const result = await importFaqCsv(session.shop, await file.text(), locales);
  if (!result.ok) return result;
  return { ...result, publish: await publishStorefrontSnapshot(admin, session.shop) };
};

function problemMessage(problem: CsvProblem): string {
  const template = importText.errors[problem.code as keyof typeof importText.errors] ?? problem.code;
  return format(template, problem.params ?? {});
}

export default function FaqImportExport() {
  const { shopifyUnavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const [file, setFile] = useState<File | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const importing = navigation.state === "submitting";

  useEffect(() => {
    if (actionData?.ok) shopify.toast.show(importText.importedToast);
  }, [actionData, shopify]);

  function importFile() {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    submit(form, { method: "post", encType: "multipart/form-data" });
    // A fixed file is chosen again; the result stays on screen until then.
    setFile(null);
  }

  // App Bridge adds the session token to fetch, not to a plain link, so the file is fetched and then saved.
  async function exportFile() {
    setExporting(true);
    setExportFailed(false);
    try {
      const response = await fetch("/app/faq/export");
      if (!response.ok) throw new Error(`export answered ${response.status}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "faq.csv";
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setExportFailed(true);
    } finally {
      setExporting(false);
    }
  }

  const problems = actionData && "problems" in actionData ? actionData.problems : [];
  const message = actionData && "message" in actionData ? actionData.message : null;

  return (
    <AdminPage title={importText.title} backAction={{ content: text.actions.back, url: "/app/faq" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <FaqLocalesBanner show={shopifyUnavailable} />
            {actionData?.ok ? (
              <>
                <Banner tone="success" title={importText.importedTitle}>
                  <p>
                    {format(importText.imported, {
                      created: actionData.articlesCreated,
                      updated: actionData.articlesUpdated,
                      translations: actionData.translations,
                    })}
                  </p>
                </Banner>
                <FaqPublishBanner publish={actionData.publish} />
              </>
            ) : null}
            {problems.length > 0 ? (
              <Banner tone="critical" title={importText.failedTitle}>
                <BlockStack gap="200">
                  <p>{importText.failedBody}</p>
                  <DataTable
                    columnContentTypes={["numeric", "text", "text"]}
                    headings={[importText.columnRow, importText.columnColumn, importText.columnProblem]}
                    rows={problems.map((problem) => [
                      problem.row ?? importText.wholeFile,
                      problem.column ?? "",
                      problemMessage(problem),
                    ])}
                  />
                </BlockStack>
              </Banner>
            ) : null}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {importText.importHeading}
                </Text>
                <Text as="p">{importText.importBody}</Text>
                <Text as="p" tone="subdued">
                  {importText.limits}
                </Text>
                <DropZone
                  label={importText.fileLabel}
                  accept=".csv,text/csv"
                  type="file"
                  allowMultiple={false}
                  error={message !== null}
                  onDrop={(_files, accepted, rejected) => setFile(accepted[0] ?? rejected[0] ?? null)}
                >
                  {file ? (
                    <BlockStack inlineAlign="center" gap="100">
                      <Text as="p" alignment="center">
                        {format(importText.chosen, {
                          name: file.name,
                          size: Math.max(1, Math.round(file.size / 1024)),
                        })}
                      </Text>
                    </BlockStack>
                  ) : (
                    <DropZone.FileUpload actionHint={importText.dropHint} />
                  )}
                </DropZone>
                {message ? (
                  <Text as="p" tone="critical">
                    {message === "notCsv" ? importText.notCsv : importText.noFile}
                  </Text>
                ) : null}
                <InlineStack>
                  <Button variant="primary" onClick={importFile} disabled={!file} loading={importing}>
                    {importText.importButton}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {importText.exportHeading}
                </Text>
                <Text as="p">{importText.exportBody}</Text>
                {exportFailed ? (
                  <Text as="p" tone="critical">
                    {importText.exportFailed}
                  </Text>
                ) : null}
                <InlineStack>
                  <Button onClick={exportFile} loading={exporting}>
                    {importText.exportButton}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </AdminPage>
  );
}
