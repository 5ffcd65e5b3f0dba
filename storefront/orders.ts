import type { OrderSummary, OrderTracking, Shipment } from "../app/contracts/storefront-api";
import { h, part } from "./dom";
import { render } from "./templates";
import type { Text } from "./text";

export const lineTitle = (line: { title: string; variantTitle?: string | null }) =>
  line.variantTitle ? `${line.title} – ${line.variantTitle}` : line.title;

const lineItem = (title: string, quantity: number) => h("li", null, `${title} × ${quantity}`);

/** One order in the signed-in shopper's list: a button that opens its tracking. */
export function orderButton(root: HTMLElement, t: Text, order: OrderSummary, open: () => void) {
  const item = render(root, "order-item", {
    name: order.name,
    summary: [t.date(order.processedAt), t.count("items", order.itemCount), t.money(order.total)].join(" · "),
    status: t(`status_${order.status}`),
  });
  item.querySelector("button")!.addEventListener("click", open);
  return item;
}

/** Tracking of one order: every shipment with its stage, carrier and history; lines not shipped yet. */
export function orderDetail(root: HTMLElement, t: Text, order: OrderTracking, signInUrl?: string): HTMLElement {
  const unshipped = order.lines.filter((line) => line.unfulfilledQuantity > 0 && line.status !== "cancelled");
  return render(root, "order", {
    name: order.name,
    placed: t.date(order.processedAt),
    status: t(`status_${order.status}`),
    shipments: order.shipments.map((shipment, index) =>
      shipmentView(root, t, shipment, index + 1, order.shipments.length),
    ),
    unshipped: unshipped.length > 0,
    unshippedLines: unshipped.map((line) => lineItem(lineTitle(line), line.unfulfilledQuantity)),
    moreLines: order.moreLines,
    // Returns need the signed-in owner (only they get the order's id) and the merchant's returns module.
    startReturn: Boolean(order.id) && root.hasAttribute("data-returns"),
    // The block's own sign-in link: in the shopper's language, back to this page.
    signIn: !order.id && Boolean(signInUrl),
  });
}

function shipmentView(root: HTMLElement, t: Text, shipment: Shipment, number: number, total: number) {
  const [tracking] = shipment.tracking;
  const view = render(root, "shipment", {
    single: total === 1,
    number: total > 1 && number,
    total,
    problem: shipment.problem && t(`problem_${shipment.problem}`),
    delivered: t.date(shipment.deliveredAt),
    estimated: !shipment.deliveredAt && t.date(shipment.estimatedDeliveryAt),
    carrier: tracking?.carrier,
    trackingNumber: tracking?.number,
    // Only web links leave the block as links (the URL is Shopify data, not ours to trust blindly).
    trackingLink: Boolean(tracking?.url && /^https?:\/\//i.test(tracking.url)),
    trackingUrl: tracking?.url,
    items: shipment.lines.map((line) => lineItem(line.title, line.quantity)),
    history: shipment.timeline.length > 0,
    events: [...shipment.timeline]
      .reverse()
      .map((event) =>
        h(
          "li",
          null,
          h("time", { datetime: event.happenedAt }, t.date(event.happenedAt)),
          ` ${t(`status_${event.status}`)}`,
          event.location && ` – ${event.location}`,
          event.message && h("span", { class: "resolve-portal__hint" }, event.message),
        ),
      ),
  });
  // The progress list names every stage; the current one is marked, those before it done.
  let reached = true;
  for (const step of view.querySelectorAll<HTMLElement>("[data-stage]")) {
    const current = step.dataset.stage === shipment.stage;
    if (current) {
      step.setAttribute("aria-current", "step");
      part(view, "stage")!.textContent = step.textContent;
    }
    step.classList.toggle("is-done", reached);
    if (current) reached = false;
  }
  return view;
}
