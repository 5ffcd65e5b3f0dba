import { Badge } from "@shopify/polaris";

import { adminText } from "../i18n";
import type { InboxFilters } from "../features/contact/ContactRequestInbox.server";

/** What the inbox list and a request's page share. */

const text = adminText.requests;

/** The list's filters as a query string ("" for the defaults), carried to a request and back. */
export function inboxSearch(filters: Partial<InboxFilters>): string {
  const params = new URLSearchParams();
  if (filters.status && filters.status !== "open") params.set("status", filters.status);
  if (filters.query) params.set("query", filters.query);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * A date in the shop's time zone, named ("Nov 23, 2026, 5:26 PM EST"): the same text on the server and in the
 * browser, whatever either one's own time zone.
 */
export function formatShopDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

export function StatusBadge({ status }: { status: string }) {
  return status === "resolved" ? (
    <Badge tone="success">{text.status.resolved}</Badge>
  ) : (
    <Badge tone="attention">{text.status.open}</Badge>
  );
}
