import type { getInboxRequest } from "../../features/contact/ContactRequestInbox.server";
import { adminText, format } from "../../i18n";

/** How a request's page words what it holds: the order's place in the Shopify admin, the language, return checks. */

const detail = adminText.requests.detail;

export type InboxRequest = NonNullable<Awaited<ReturnType<typeof getInboxRequest>>>;

/** `shopify://admin/orders/<id>`: App Bridge opens the order in the Shopify admin around the app. */
export function orderAdminUrl(orderId: string): string | null {
  const numeric = orderId.match(/\/Order\/(\d+)$/)?.[1];
  return numeric ? `shopify://admin/orders/${numeric}` : null;
}

/** The shopper's language in English ("fr" → "French"); an unknown code as it was stored. */
export function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

export function eligibilityText(entry: { eligible: boolean; reason?: string }): string {
  if (entry.eligible) return detail.eligible;
  const reasons: Record<string, string> = detail.reasons;
  const reason = (entry.reason && reasons[entry.reason]) || detail.unknownReason;
  return format(detail.notEligible, { reason });
}
