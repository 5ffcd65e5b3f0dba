import type {
  EligibleReturnLine,
  Resolution,
  ReturnFiled,
  ReturnLine,
  ReturnOptions,
  UnavailableUnits,
} from "../app/contracts/storefront-api";
import { alert, api, errorText, loading, randomId } from "./api";
import { focusOn, h, part, replace } from "./dom";
import { render } from "./templates";
import type { Journal } from "./journal";
import { lineTitle } from "./orders";
import type { Text } from "./text";

interface Pick {
  line: EligibleReturnLine;
  checkbox: HTMLInputElement;
  quantity: HTMLSelectElement;
}

interface Context {
  root: HTMLElement;
  t: Text;
  base: string;
  journal: Journal;
  announce(message: string): void;
}

/** A line's reason, read for the day it names when it has one (`window_ended`, `not_delivered_yet`). */
type DatedReason = UnavailableUnits & { windowEndedOn?: string; fulfilledOn?: string };

/** Why a line cannot be returned, in the shopper's words. */
export function reasonText(t: Text, reason: DatedReason | undefined) {
  if (!reason) return "";
  return t(`reason_${reason.reason}`, { date: t.date(reason.windowEndedOn ?? reason.fulfilledOn) });
}

/** Loads what can be returned from the order and shows the return form in `target`. */
export async function showReturnForm(context: Context, orderRef: string, target: HTMLElement) {
  const { root, t, base, journal } = context;
  const path = `/orders/${encodeURIComponent(orderRef)}/returns`;
  replace(target, loading(t));
  let answer: ReturnOptions;
  try {
    answer = await api<ReturnOptions>(base, `${path}?locale=${encodeURIComponent(t.locale)}`);
  } catch (error) {
    replace(target, alert(t, error));
    return;
  }
  journal.track({ type: "return_started" });
  const name = answer.order.name;
  for (const line of answer.lines) {
    journal.saw({
      order: name,
      line: lineTitle(line).slice(0, 120),
      eligible: line.eligible,
      reason: line.reason?.reason,
    });
  }

  const picks: Pick[] = [];
  const lines = lineList(t, answer.lines, picks);
  const policy = h("div");
  policy.innerHTML = answer.policyHtml ?? ""; // sanitized by the app (docs/storefront-api.md)
  // Fixed parts and their text come from the block's <template data-r="returns">, translated by Liquid.
  const view = render(root, "returns", {
    name,
    existing: answer.returns.map((entry) => h("li", null, `${entry.name}: ${t(`return_status_${entry.status}`)}`)),
    lines: answer.anyReturnable && lines,
    none: !answer.anyReturnable,
    ineligible: !answer.anyReturnable && lines,
    form: answer.anyReturnable,
    policy: Boolean(answer.policyHtml),
    policyHtml: [policy],
  });
  replace(target, view);
  focusOn(view.querySelector("h5"));
  const form = view.querySelector("form");
  if (!form) return;

  const field = <T extends HTMLElement>(key: string) => part<T>(form, key)!;
  const reason = field<HTMLSelectElement>("reason");
  const note = field<HTMLTextAreaElement>("note");
  const noteHint = field("note-hint");
  const exchange = field<HTMLSelectElement>("exchange");
  const fees = field("fees");
  const error = field("return-error");
  const submit = form.querySelector("button")!;
  const choose = exchange.options[0]!;
  const resolutions = [...form.querySelectorAll<HTMLInputElement>("[name=resolution]")].filter((input) => {
    const offered = (answer.resolutions as string[]).includes(input.value);
    input.parentElement!.hidden = !offered;
    return offered;
  });
  resolutions[0]!.checked = true;
  reason.append(...answer.reasons.map((entry) => h("option", { value: entry.id }, reasonName(t, entry.handle))));
  let idempotencyKey = randomId();

  const selected = () =>
    picks.filter((pick) => pick.checkbox.checked).map((pick) => ({ pick, quantity: Number(pick.quantity.value) }));
  // The inputs left are the offered resolutions, and one of them is always checked.
  const resolution = () => (resolutions.find((input) => input.checked)?.value ?? "") as Resolution;

  const update = () => {
    note.required = Boolean(answer.reasons.find((entry) => entry.id === reason.value)?.noteRequired);
    noteHint.textContent = noteHint.dataset[note.required ? "required" : "optional"] ?? "";
    const chosen = resolution();
    field("exchange-field").hidden = chosen !== "exchange";
    const current = exchange.value;
    replace(
      exchange,
      choose,
      selected()
        .flatMap(({ pick }) => pick.line.exchangeOptions ?? [])
        // Two lines of one product offer the same variants once.
        .filter((option, index, all) => all.findIndex((other) => other.variantId === option.variantId) === index)
        .map((option) =>
          h(
            "option",
            { value: option.variantId, disabled: !option.available },
            option.available ? option.title : t("sold_out", { title: option.title }),
          ),
        ),
    );
    exchange.value = current;
    fees.textContent = feeText(t, answer, chosen, selected());
    // A changed request is a new submission; an unchanged one keeps its key, so a retry files it once.
    idempotencyKey = randomId();
  };
  update();

  form.addEventListener("change", (event) => event.target !== note && update());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = selected();
    const problem = !chosen.length
      ? "pick_a_line"
      : !reason.value
        ? "pick_a_reason"
        : note.required && !note.value.trim()
          ? "note_needed"
          : resolution() === "exchange" && !exchange.value
            ? "pick_a_variant"
            : "";
    error.textContent = problem && t(problem);
    if (problem) return;
    submit.disabled = true;
    try {
      const filed = await api<ReturnFiled>(base, path, {
        idempotencyKey,
        lines: chosen.map(({ pick, quantity }) => ({ lineItemId: pick.line.lineItemId, quantity })),
        reasonId: reason.value,
        note: note.value.trim() || undefined,
        resolution: resolution(),
        exchangeVariantId: resolution() === "exchange" ? exchange.value : undefined,
      });
      const done = render(root, "return-done", {
        name,
        [filed.return.status === "open" ? "approved" : "requested"]: true,
      });
      replace(target, done);
      focusOn(done);
      context.announce(done.textContent ?? "");
    } catch (failure) {
      error.textContent = errorText(t, failure);
      submit.disabled = false;
    }
  });
}

function lineList(t: Text, lines: ReturnLine[], picks: Pick[]) {
  return lines.map((line) => {
    if (!line.eligible) {
      return h(
        "div",
        { class: "resolve-portal__line is-ineligible" },
        h("strong", null, lineTitle(line)),
        h("span", { class: "resolve-portal__hint" }, reasonText(t, line.reason)),
      );
    }
    const checkbox = h("input", { type: "checkbox" });
    const max = line.returnableQuantity ?? 1;
    const quantity = h(
      "select",
      { "aria-label": t("quantity_of", { title: lineTitle(line) }) },
      Array.from({ length: max }, (_, index) => h("option", null, String(index + 1))),
    );
    picks.push({ line, checkbox, quantity });
    return h(
      "div",
      { class: "resolve-portal__line" },
      h("label", null, checkbox, ` ${lineTitle(line)}`),
      max > 1 && quantity,
      line.returnBy && h("span", { class: "resolve-portal__hint" }, t("return_by", { date: t.date(line.returnBy) })),
    );
  });
}

/** Fees the chosen resolution costs for the chosen lines (restocking per unit, return shipping per return). */
function feeText(t: Text, answer: ReturnOptions, resolution: Resolution, chosen: { pick: Pick; quantity: number }[]) {
  let restocking = 0;
  let currencyCode = "";
  for (const { pick, quantity } of chosen) {
    const fee = pick.line.fees?.[resolution]?.restockingFeePerUnit;
    if (fee) {
      restocking += Number(fee.amount) * quantity;
      currencyCode = fee.currencyCode;
    }
  }
  const shipping = answer.returnShippingFees?.[resolution];
  const parts = [];
  if (restocking) parts.push(t("restocking_fee", { amount: t.money({ amount: String(restocking), currencyCode }) }));
  if (shipping?.amount) parts.push(t("shipping_fee", { amount: t.money(shipping.amount) }));
  return parts.join(" ");
}

/** Shopify's return reasons are named by the block's locale files; one it does not know shows its handle. */
function reasonName(t: Text, handle: string) {
  const key = `return_reason_${handle.replace(/-/g, "_")}`;
  const name = t(key);
  return name === key ? handle.replace(/-/g, " ") : name;
}
