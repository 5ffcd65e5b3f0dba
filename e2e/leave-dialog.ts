import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The admin's save bar, shown while the app's page holds unsaved changes (emulator/admin-frame.ts). */
export const saveBar = (page: Page) => page.getByRole("region", { name: "Unsaved changes" });

/** The admin's question before unsaved changes are left behind. */
export const leaveDialog = (page: Page) => page.getByRole("dialog", { name: "Leave page with unsaved changes?" });

/** Does what leaves the page (a click in the admin's menu, going back…), checks the admin asks, and answers. */
export async function leaveAndAnswer(page: Page, leave: () => Promise<unknown>, answer: "Stay" | "Leave page") {
  await leave();
  await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
  await leaveDialog(page).getByRole("button", { name: answer }).click();
  await expect.poll(() => leaveDialog(page).isVisible()).toBe(false);
}
