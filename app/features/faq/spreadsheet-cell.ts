/**
 * Spreadsheet-safe cells (OWASP's CSV injection rule): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or their full-width forms, which some spreadsheets also take as a formula) runs as a formula
 * when the file is opened. On export such a cell gets a leading `'`, which spreadsheets read as "this is text"
 * and do not show; on import one leading `'` before those characters is removed, so import ⇄ export gives back
 * the merchant's text exactly. Quotes already in front of a trigger count too (`'=x` exports as `''=x`), which
 * keeps the rule reversible for every string.
 */
const NEEDS_QUOTE = /^'*[=+\-@\t\r＝＋－＠]/;
const QUOTED = /^'+[=+\-@\t\r＝＋－＠]/;

export function toSpreadsheetCell(text: string): string {
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

export function fromSpreadsheetCell(cell: string): string {
  return QUOTED.test(cell) ? cell.slice(1) : cell;
}
