import { Banner, BlockStack, DataTable } from "@shopify/polaris";

import type { CsvProblem } from "../../../features/faq/faq-csv.server";
import { adminText, format } from "../../../i18n";

const text = adminText.faq.import;

/** Why nothing was imported: each problem with its row and column, to fix in the file. */
export function ImportProblems({ problems }: { problems: CsvProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Banner tone="critical" title={text.failedTitle}>
      <BlockStack gap="200">
        <p>{text.failedBody}</p>
        <DataTable
          columnContentTypes={["numeric", "text", "text"]}
          headings={[text.columnRow, text.columnColumn, text.columnProblem]}
          rows={problems.map((problem) => [
            problem.row ?? text.wholeFile,
            problem.column ?? "",
            problemMessage(problem),
          ])}
        />
      </BlockStack>
    </Banner>
  );
}

function problemMessage(problem: CsvProblem): string {
  const template = text.errors[problem.code as keyof typeof text.errors] ?? problem.code;
  return format(template, problem.params ?? {});
}
