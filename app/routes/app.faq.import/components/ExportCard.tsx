import { Button, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";

import { TitledCard } from "../../../components/TitledCard";
import { adminText } from "../../../i18n";

const text = adminText.faq.import;

/** Downloads the FAQ as CSV (`/app/faq/export`). */
export function ExportCard() {
  const [exporting, setExporting] = useState(false);
  const [failed, setFailed] = useState(false);

  // App Bridge adds the session token to fetch, not to a plain link, so the file is fetched and then saved.
  async function download() {
    setExporting(true);
    setFailed(false);
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
      setFailed(true);
    } finally {
      setExporting(false);
    }
  }

  return (
    <TitledCard title={text.exportHeading} gap="300">
      <Text as="p">{text.exportBody}</Text>
      {failed ? (
        <Text as="p" tone="critical">
          {text.exportFailed}
        </Text>
      ) : null}
      <InlineStack>
        <Button onClick={download} loading={exporting}>
          {text.exportButton}
        </Button>
      </InlineStack>
    </TitledCard>
  );
}
