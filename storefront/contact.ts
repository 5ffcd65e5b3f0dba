import type { ContactAnswer } from "../app/contracts/storefront-api";
import { api, ApiError, errorText, randomId } from "./api";
import { focusOn, part } from "./dom";
import type { Journal } from "./journal";
import type { Text } from "./text";

/**
 * The contact form the Liquid rendered (hidden without script): sends the message with what the shopper
 * already tried, and shows the reference number the merchant will know it by.
 */
export function setUpContact(root: HTMLElement, t: Text, base: string, journal: Journal) {
  const form = part<HTMLFormElement>(root, "contact");
  const done = part(root, "contact-done");
  if (!form || !done) return;
  const submit = form.querySelector("button")!;
  let submissionKey = "";

  form.addEventListener("input", () => {
    if (!submissionKey) journal.track({ type: "contact_opened" });
    // An edited message is a new submission; a retry of the same one keeps its key and is stored once.
    submissionKey = randomId();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values: Record<string, string> = Object.fromEntries(
      [...new FormData(form)].map(([name, value]) => [name, String(value).trim()]),
    );
    values.orderNumber ||= journal.order;
    if (!checkFields(form, t)) return;
    submit.disabled = true;
    try {
      const { reference } = await api<ContactAnswer>(base, "/contact", {
        submissionKey,
        ...values,
        orderNumber: values.orderNumber || undefined,
        locale: t.locale,
        context: journal.context(),
      });
      journal.track({ type: "contact_sent" });
      form.hidden = true;
      done.hidden = false;
      done.textContent = t("contact_sent", { reference, email: values.email ?? "" });
      focusOn(done);
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fields : {};
      for (const name in fields) markField(form.elements.namedItem(name) as HTMLInputElement, "invalid");
      part(form, "form-error")!.textContent = errorText(t, failure);
      submit.disabled = false;
    }
  });
}

/**
 * Checks a form's fields in the browser and shows each problem under its field (the messages are the field's
 * error element's `data-missing` / `data-invalid`, translated by Liquid); focuses the first. True when valid.
 */
export function checkFields(form: HTMLFormElement, t: Text): boolean {
  const fields = [...form.querySelectorAll<HTMLInputElement>("input, textarea")];
  for (const field of fields)
    markField(field, field.validity.valueMissing ? "missing" : field.validity.valid ? "" : "invalid");
  const invalid = fields.find((field) => !field.validity.valid);
  part(form, "form-error")!.textContent = invalid ? t("check_fields") : "";
  invalid?.focus();
  return !invalid;
}

/** Shows (or clears) a field's error under it, tied to it with aria-describedby and aria-invalid. */
function markField(input: HTMLInputElement | null, problem: string) {
  if (!input) return;
  const slot = document.getElementById(`${input.id}-error`);
  if (slot) slot.textContent = (problem && slot.dataset[problem]) || "";
  if (problem) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}
