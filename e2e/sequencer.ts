import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The browser test files share one demo shop, and what a merchant saves in one file stays for the next (the
 * policy page test expects a policy never saved; the shopper tests save one). Files run in name order, so
 * every run sees the same history.
 */
export default class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}
