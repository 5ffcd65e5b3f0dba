/**
 * The Resolve block's one script (deferred, no framework): it upgrades the portal the Liquid rendered.
 * Without it the block still shows the FAQ, the policy and how to reach the store; with it the shopper can
 * search the FAQ, track an order, return items and send a message with context. Contract with the app:
 * docs/storefront-api.md. Built into extensions/self-service/assets/portal.js by scripts/build-block-script.mjs.
 */
import type { LookupAnswer, OrdersAnswer } from "../app/contracts/storefront-api";
import { alert, api, errorText } from "./api";
import { checkFields, setUpContact } from "./contact";
import { focusOn, part, replace } from "./dom";
import { indexArticle, search, type FaqEntry } from "./faq-search";
import { Journal } from "./journal";
import { showOrder, showOrders } from "./order-view";
import { loadText, type Text } from "./text";

/** One per page, shared by the block and the launcher's copy of it. */
let journal: Journal | undefined;

class ResolvePortal extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = "";
    // Both rendered by the block's Liquid: the app proxy's path and the shopper's language.
    const { proxy: base = "", locale = "en" } = this.dataset;
    const t = loadText(this, locale);
    journal ??= new Journal(`${base}/events`, locale);
    for (const element of this.querySelectorAll<HTMLElement>("[data-js]")) element.hidden = false;

    const status = part(this, "status");
    const announce = (message: string) => {
      if (status) status.textContent = message;
    };
    setUpFaq(this, t, journal, announce);
    setUpTracking(this, t, base, journal, announce);
    setUpContact(this, t, base, journal);
  }
}

function setUpFaq(root: HTMLElement, t: Text, journal: Journal, announce: (message: string) => void) {
  const entries: FaqEntry[] = [...root.querySelectorAll<HTMLDetailsElement>("details[data-article]")].map((details) => {
    const question = details.querySelector("summary")?.textContent?.trim() ?? "";
    const id = details.dataset.article!;
    details.addEventListener("toggle", () => details.open && journal.articleOpened(id, question.slice(0, 120)));
    return indexArticle(
      details,
      id,
      question,
      details.dataset.keywords ?? "",
      details.querySelector(".resolve-portal__answer")?.textContent ?? "",
    );
  });

  root.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("[data-helpful]");
    const details = button?.closest<HTMLElement>("details[data-article]");
    if (!button || !details) return;
    journal.track({
      type: "article_helpful",
      articleId: details.dataset.article,
      helpful: button.dataset.helpful === "yes",
    });
    const question = button.parentElement!;
    question.textContent = question.dataset.thanks ?? "";
    focusOn(question);
  });

  const input = part<HTMLInputElement>(root, "query");
  const summary = part(root, "search-summary");
  const empty = part(root, "no-results");
  if (!input || !summary) return;
  const groups = [...root.querySelectorAll<HTMLElement>(".resolve-portal__group")];
  let timer = 0;
  let committed = "";
  let found = 0;
  // Counted and announced once the shopper pauses or leaves the box, not on every keystroke.
  const commit = () => {
    clearTimeout(timer);
    const query = input.value.trim();
    announce(summary.textContent ?? "");
    if (query.length > 1 && query !== committed) journal.search(query.slice(0, 100), found);
    committed = query;
  };
  input.addEventListener("change", commit);
  input.addEventListener("input", () => {
    const query = input.value.trim();
    const scores = query ? search(entries, query) : null;
    for (const entry of entries) entry.element.hidden = Boolean(scores && !scores.has(entry));
    for (const group of groups) group.hidden = !group.querySelector("details[data-article]:not([hidden])");
    if (empty) empty.hidden = !scores || scores.size > 0;
    summary.textContent = scores ? t.count("search_results", scores.size, { query }) : "";
    found = scores?.size ?? 0;
    clearTimeout(timer);
    timer = window.setTimeout(commit, 900);
  });
}

function setUpTracking(
  root: HTMLElement,
  t: Text,
  base: string,
  journal: Journal,
  announce: (message: string) => void,
) {
  const target = part(root, "result");
  if (!target) return;
  const returnTo = root.dataset.returnTo ?? location.pathname;
  const context = { root, t, base, journal, announce, target };

  const load = part<HTMLButtonElement>(root, "load-orders");
  load?.addEventListener("click", async () => {
    load.disabled = true;
    replace(target);
    try {
      const { orders } = await api<OrdersAnswer>(base, `/orders?returnTo=${encodeURIComponent(returnTo)}`);
      showOrders(context, part(root, "order-list")!, orders);
    } catch (error) {
      replace(target, alert(t, error));
    }
    load.disabled = false;
  });

  const lookup = part<HTMLFormElement>(root, "lookup");
  lookup?.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!checkFields(lookup, t)) return;
    const submit = lookup.querySelector("button")!;
    submit.disabled = true;
    try {
      showOrder(
        context,
        await api<LookupAnswer>(base, "/lookup", { ...Object.fromEntries(new FormData(lookup)), returnTo }),
      );
    } catch (failure) {
      replace(target);
      const error = part(lookup, "form-error")!;
      error.textContent = errorText(t, failure);
      focusOn(error);
    }
    submit.disabled = false;
  });
}

/** The app embed: a floating button opening the portal in a modal dialog (native focus trap and Escape). */
class ResolveLauncher extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>("[data-r='open']");
    const dialog = this.querySelector("dialog");
    const template = this.querySelector("template");
    if (!button || !dialog || !template) return;
    // On the help page itself the portal is already there.
    if ([...document.querySelectorAll("resolve-portal")].some((portal) => !this.contains(portal))) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      if (template.isConnected) template.replaceWith(template.content.cloneNode(true));
      dialog.showModal();
    });
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog || (event.target as Element).closest("[data-r='close']")) dialog.close();
    });
    dialog.addEventListener("close", () => button.focus());
  }
}

if (!customElements.get("resolve-portal")) {
  customElements.define("resolve-portal", ResolvePortal);
  customElements.define("resolve-launcher", ResolveLauncher);
}
