import { BlockStack, Button, DropZone, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";

import { TitledCard } from "../../../components/TitledCard";
import { adminText, format } from "../../../i18n";

const text = adminText.faq.import;

/** Choosing a CSV file and importing it; `refused` is the server's answer about the file itself. */
export function ImportCard({
  importing,
  refused,
  onImport,
}: {
  importing: boolean;
  refused: "noFile" | "notCsv" | null;
  onImport: (file: File) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  function importFile() {
    if (!file) return;
    onImport(file);
    // A fixed file is chosen again; the result stays on screen until then.
    setFile(null);
  }
  return (
    <TitledCard title={text.importHeading} gap="300">
      <Text as="p">{text.importBody}</Text>
      <Text as="p" tone="subdued">
        {text.limits}
      </Text>
      <DropZone
        label={text.fileLabel}
        accept=".csv,text/csv"
        type="file"
        allowMultiple={false}
        error={refused !== null}
        onDrop={(_files, accepted, rejected) => setFile(accepted[0] ?? rejected[0] ?? null)}
      >
        {file ? (
          <BlockStack inlineAlign="center" gap="100">
            <Text as="p" alignment="center">
              {format(text.chosen, { name: file.name, size: Math.max(1, Math.round(file.size / 1024)) })}
            </Text>
          </BlockStack>
        ) : (
          <DropZone.FileUpload actionHint={text.dropHint} />
        )}
      </DropZone>
      {refused ? (
        <Text as="p" tone="critical">
          {refused === "notCsv" ? text.notCsv : text.noFile}
        </Text>
      ) : null}
      <InlineStack>
        <Button variant="primary" onClick={importFile} disabled={!file} loading={importing}>
          {text.importButton}
        </Button>
      </InlineStack>
    </TitledCard>
  );
}
