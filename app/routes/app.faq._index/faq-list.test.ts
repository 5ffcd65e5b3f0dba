import { describe, expect, it } from "vitest";

import { appliedFilterLabels, isFiltered, listActionToast, withFilter, withPage } from "./faq-list";
import { listActionSchema } from "./schema.server";

const NO_FILTERS = { query: "", status: "all", category: "all", missingLocale: "", page: 1 } as const;

describe("the FAQ list", () => {
  it("tells the merchant how many articles an action changed, in the singular or the plural", () => {
    expect(listActionToast("publish", 1)).toEqual({ message: "1 article published" });
    expect(listActionToast("unpublish", 3)).toEqual({ message: "3 articles unpublished" });
    expect(listActionToast("delete", 2)).toEqual({ message: "2 articles deleted" });
    expect(listActionToast("starter", 9)).toEqual({ message: "9 starter articles added as drafts" });
    expect(listActionToast("move", 1)).toEqual({ message: "Order saved" });
  });

  it("says nothing when nothing changed, except that the starter articles were already there", () => {
    expect(listActionToast("publish", 0)).toBeUndefined();
    expect(listActionToast("republish", 0)).toBeUndefined();
    expect(listActionToast("starter", 0)).toEqual({ message: "The starter articles are already in your FAQ" });
  });

  it("reads the bulk actions the page posts as JSON and the URL-encoded publish the demo posts", () => {
    expect(listActionSchema.parse({ intent: "delete", ids: ["a", "b"] })).toEqual({
      intent: "delete",
      ids: ["a", "b"],
    });
    // `publishThroughApp` (emulator/demo-content.ts) posts `intent=republish`, which readAdminForm reads as this.
    expect(listActionSchema.parse(Object.fromEntries(new URLSearchParams({ intent: "republish" })))).toEqual({
      intent: "republish",
    });
    expect(listActionSchema.safeParse({ intent: "publish", ids: [] }).success).toBe(false);
    expect(listActionSchema.safeParse({ intent: "move", id: "a", direction: "sideways" }).success).toBe(false);
  });

  it("starts again at page 1 when a filter changes, and drops a filter set back to any", () => {
    const search = new URLSearchParams({ status: "draft", page: "3", query: "refund" });
    expect(withFilter(search, "category", "none").toString()).toBe("status=draft&query=refund&category=none");
    expect(withFilter(search, "status", "all").toString()).toBe("query=refund");
    expect(withFilter(search, "query", "").toString()).toBe("status=draft");
    expect(withPage(search, 4).get("page")).toBe("4");
    expect(search.toString()).toBe("status=draft&page=3&query=refund");
  });

  it("names each filter in use, and allows reordering only without any", () => {
    const filters = { ...NO_FILTERS, status: "published", category: "shipping", missingLocale: "fr" } as const;
    const labels = appliedFilterLabels(
      filters,
      [{ id: "shipping", title: "Shipping" }],
      [{ locale: "fr", name: "French" }],
    );
    expect(labels).toEqual([
      { key: "status", label: "Status: Published" },
      { key: "category", label: "Category: Shipping" },
      { key: "missingLocale", label: "Missing in French" },
    ]);
    expect(appliedFilterLabels({ ...NO_FILTERS, category: "none" }, [], [])).toEqual([
      { key: "category", label: "Category: No category" },
    ]);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, query: "gift" })).toBe(true);
  });
});
