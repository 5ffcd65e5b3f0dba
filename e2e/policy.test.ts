import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";
import { leaveAndAnswer, leaveDialog, saveBar } from "./leave-dialog";

const demo = inject("demo");
const session = useBrowserSession();

const app = () => session.app();
const windowField = () => app().getByRole("spinbutton", { name: "Return window" });
const refundRestockingFee = () =>
  app().getByRole("textbox", { name: "Restocking fee amount for Refund to the original payment method" });

/** Opens the admin, then the policy page from the app's navigation, as a merchant does. */
async function openPolicyPage() {
  await session.page.goto(demo.adminUrl);
  await expect
    .poll(
      () =>
        session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Return policy" }).count(),
      {
        timeout: 20_000,
      },
    )
    .toBe(1);
  await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Return policy" }).click();
  await expect.poll(() => windowField().count(), { timeout: 20_000 }).toBe(1);
}

/** The app's own document inside the admin (for what the merchant does in it, such as going back). */
const appFrame = () => session.page.frames().find((frame) => frame.url().startsWith(demo.appUrl))!;

async function saveFromSaveBar() {
  const saveBar = session.page.getByRole("region", { name: "Unsaved changes" });
  await expect.poll(() => saveBar.isVisible()).toBe(true);
  await saveBar.getByRole("button", { name: "Save" }).click();
}

const fault = (body: object | null) =>
  fetch(`${demo.emulatorUrl}/_emulator/faults`, {
    method: body ? "POST" : "DELETE",
    body: body ? JSON.stringify(body) : undefined,
  });

describe("the return policy page", () => {
  it("saves a new return window from the save bar, and it is still there after a reload", async () => {
    await openPolicyPage();
    expect(await session.page.locator("#title").innerText()).toBe("Return policy");
    // The title bar is the visible title; inside the frame the page still opens with it as its h1, for screen readers.
    expect(await app().getByRole("heading", { name: "Return policy", level: 1 }).count()).toBe(1);
    // Never saved: the page says the default policy applies.
    expect(await app().getByText("Review your return policy").count()).toBe(1);
    // Shopify's return reasons are offered, all of them ticked for a first policy.
    expect(await app().getByRole("checkbox", { name: "Size too small", exact: true }).isChecked()).toBe(true);

    await windowField().fill("45");
    await refundRestockingFee().fill("10");
    await app().getByRole("checkbox", { name: "Damaged or defective", exact: true }).uncheck();
    await saveFromSaveBar();

    await expect
      .poll(() => session.page.locator("#toasts").innerText(), { timeout: 20_000 })
      .toContain("Return policy saved");
    await expect.poll(() => session.page.getByRole("region", { name: "Unsaved changes" }).isVisible()).toBe(false);
    // The publish result is shown on the page, whether the storefront took it or not.
    await expect
      .poll(
        async () =>
          (await app().getByText("Published to your storefront").count()) +
          (await app().getByText("Your policy is saved, but the storefront still shows the previous one").count()),
        { timeout: 20_000 },
      )
      .toBe(1);

    await session.page.reload();
    await session.page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("button", { name: "Return policy" })
      .click();
    await expect.poll(() => windowField().inputValue(), { timeout: 20_000 }).toBe("45");
    expect(await refundRestockingFee().inputValue()).toBe("10");
    expect(await app().getByRole("checkbox", { name: "Damaged or defective", exact: true }).isChecked()).toBe(false);
    expect(await app().getByText("Review your return policy").count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it("shows a field error for a negative window and a fee over 100 %, and saves nothing", async () => {
    await openPolicyPage();
    const savedWindow = await windowField().inputValue();
    const savedFee = await refundRestockingFee().inputValue();

    await windowField().fill("-3");
    await refundRestockingFee().fill("150");
    await saveFromSaveBar();

    await expect
      .poll(() => app().getByText("Enter a number of days between 1 and 365.").count(), { timeout: 20_000 })
      .toBe(1);
    expect(await app().getByText("Enter a percentage between 0 and 100.").count()).toBe(1);
    expect(await app().getByText("Some settings need your attention").count()).toBe(1);
    // The merchant's edits stay on screen to be fixed.
    expect(await windowField().inputValue()).toBe("-3");
    expect(await session.page.locator("#toasts").innerText()).not.toContain("Return policy saved");

    await session.page.reload();
    await session.page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("button", { name: "Return policy" })
      .click();
    await expect.poll(() => windowField().inputValue(), { timeout: 20_000 }).toBe(savedWindow);
    expect(await refundRestockingFee().inputValue()).toBe(savedFee);
  });

  it("previews the policy text as shoppers will get it, without what the storefront does not allow", async () => {
    await openPolicyPage();
    const editor = app().getByRole("textbox", { name: "Policy text in English" });
    await editor.fill("Returns within **45 days**.\n\n<script>alert(1)</script>");
    const preview = app().locator(".resolve-markdown-preview");
    await expect.poll(() => preview.innerHTML(), { timeout: 20_000 }).toContain("<strong>45 days</strong>");
    expect(await preview.innerHTML()).not.toContain("script");
  });

  it("asks before the admin's menu leaves unsaved changes: Stay keeps them, Leave page drops them", async () => {
    await openPolicyPage();
    const savedWindow = await windowField().inputValue();
    const menuButton = (name: string) =>
      session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name });
    await windowField().fill("88");
    await expect.poll(() => saveBar(session.page).isVisible()).toBe(true);

    await leaveAndAnswer(session.page, () => menuButton("Resolve").click(), "Stay");
    expect(await windowField().inputValue()).toBe("88");
    expect(await saveBar(session.page).isVisible()).toBe(true);

    await leaveAndAnswer(session.page, () => menuButton("Resolve").click(), "Leave page");
    await app().getByRole("heading", { name: "Set up your help center" }).waitFor({ timeout: 20_000 });
    // Asked once: the page does not ask again after the admin did.
    expect(await leaveDialog(session.page).isVisible()).toBe(false);
    expect(await saveBar(session.page).isVisible()).toBe(false);

    await menuButton("Return policy").click();
    await expect.poll(() => windowField().inputValue(), { timeout: 20_000 }).toBe(savedWindow);
    expect(savedWindow).not.toBe("88");
    expect(session.consoleErrors).toEqual([]);
  });

  it("asks before going back in the browser with unsaved changes", async () => {
    await openPolicyPage();
    await windowField().fill("89");
    await expect.poll(() => saveBar(session.page).isVisible()).toBe(true);
    const goBack = () => appFrame().evaluate(() => history.back());

    await leaveAndAnswer(session.page, goBack, "Stay");
    expect(await windowField().inputValue()).toBe("89");

    await leaveAndAnswer(session.page, goBack, "Leave page");
    await app().getByRole("heading", { name: "Set up your help center" }).waitFor({ timeout: 20_000 });
    expect(await windowField().count()).toBe(0);
    expect(await saveBar(session.page).isVisible()).toBe(false);
  });

  it("offers a retry when Shopify is unavailable, and recovers", async () => {
    await fault({ kind: "throttled", times: 50 });
    try {
      await session.page.goto(demo.adminUrl);
      await session.page
        .getByRole("navigation", { name: "Admin" })
        .getByRole("button", { name: "Return policy" })
        .click();
      // The policy page's own banner (the home page, loaded first, has a similar one).
      await expect
        .poll(
          () =>
            app()
              .getByText(/Your return policy is safe/)
              .count(),
          { timeout: 30_000 },
        )
        .toBe(1);
    } finally {
      await fault(null);
    }
    await app().getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => windowField().count(), { timeout: 20_000 }).toBe(1);
    expect(await app().getByText("Shopify is busy right now").count()).toBe(0);
  });

  it("has no serious or critical accessibility violation, and fits a phone's width", async () => {
    await session.page.goto(demo.adminUrl);
    await expect
      .poll(() => session.page.frames().some((frame) => frame.url().startsWith(demo.appUrl)), { timeout: 20_000 })
      .toBe(true);
    const frameUrl = new URL(
      session.page
        .frames()
        .find((frame) => frame.url().startsWith(demo.appUrl))!
        .url(),
    );
    frameUrl.pathname = "/app/policy";
    const framePage = await session.context.newPage();
    await framePage.goto(frameUrl.toString());
    await framePage.getByRole("spinbutton", { name: "Return window" }).waitFor({ timeout: 20_000 });
    // Auto-approval shows its own fields once on.
    await framePage.getByRole("checkbox", { name: "Approve returns automatically" }).check();
    expect(await blockingA11yViolations(framePage)).toEqual([]);

    await framePage.setViewportSize({ width: 375, height: 800 });
    await expect
      .poll(() => framePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
  });
});
