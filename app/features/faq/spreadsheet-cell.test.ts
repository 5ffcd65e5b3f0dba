import { describe, expect, it } from "vitest";

import { fromSpreadsheetCell, toSpreadsheetCell } from "./spreadsheet-cell";

describe("spreadsheet-safe cells", () => {
  it.each([
    '=HYPERLINK("https://evil.example","Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
  ])("does not let %j start with a character a spreadsheet runs", (text) => {
    expect(toSpreadsheetCell(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text as it is", () => {
    for (const text of ["Where is my order?", "Returns within 30 days.", "1-2 days", "", "'quoted' text"]) {
      expect(toSpreadsheetCell(text)).toBe(text);
    }
  });

  it("gives back the merchant's text after export then import, whatever it starts with", () => {
    for (const text of ["- bullet\n- another", "=1+1", "'=1+1", "''@x", "'plain", "plain", "@mention", "+33 1 23"]) {
      expect(fromSpreadsheetCell(toSpreadsheetCell(text))).toBe(text);
    }
  });
});
