/** The order part of the portal: the signed-in shopper's order list, one order's tracking, its return form. */
import { alert, api, loading } from "./api";
import { focusOn, h, part, replace } from "./dom";
import type { Journal } from "./journal";
import type { OrderAnswer, OrderSummary, OrderTracking } from "../app/contracts/storefront-api";
import { orderButton, orderDetail } from "./orders";
import { showReturnForm } from "./returns";
import type { Text } from "./text";

export interface OrderContext {
  root: HTMLElement;
  t: Text;
  base: string;
  journal: Journal;
  announce(message: string): void;
  /** Where an order's tracking and return form show. */
  target: HTMLElement;
}

/** The signed-in shopper's recent orders, each opening its tracking. */
export function showOrders(context: OrderContext, list: HTMLElement, orders: OrderSummary[]) {
  const { root, t, base, target } = context;
  replace(
    list,
    orders.length
      ? orders.map((order) =>
          orderButton(root, t, order, async () => {
            replace(target, loading(t));
            try {
              showOrder(
                context,
                await api<OrderAnswer>(base, `/orders/${encodeURIComponent(order.name.replace(/^#/, ""))}`),
              );
            } catch (error) {
              replace(target, alert(t, error));
            }
          }),
        )
      : h("li", null, t("no_orders")),
  );
  list.querySelector("button")?.focus();
}

/** One order's tracking, with "Return items" for its signed-in owner or a sign-in link for a guest. */
export function showOrder(context: OrderContext, { order, signInUrl }: { order: OrderTracking; signInUrl?: string }) {
  const { root, t, journal, target } = context;
  journal.order = order.name;
  journal.track({ type: "tracking_view" });
  const detail = orderDetail(root, t, order, signInUrl);
  part(detail, "start-return")?.addEventListener("click", () =>
    showReturnForm(context, order.name.replace(/^#/, ""), part(detail, "returns")!),
  );
  replace(target, detail);
  focusOn(detail.querySelector("h4"));
}
