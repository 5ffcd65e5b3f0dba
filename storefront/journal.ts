import { randomId } from "./api";

/**
 * What the shopper has done in the portal, kept for two uses:
 * - privacy-safe analytics for the merchant (batched to `/events`: a random per-tab session id, no personal
 *   data; the app scrubs query text again);
 * - the context attached to a contact request, so the merchant does not ask again what the shopper tried.
 */

export interface EligibilityNote {
  order: string;
  line: string;
  eligible: boolean;
  reason?: string;
}

export interface PortalEvent {
  type: string;
  query?: string;
  results?: number;
  articleId?: string;
  helpful?: boolean;
}

const FLUSH_AFTER_MS = 2000;
const MAX_BATCH = 25;
const KEEP = 10;

export class Journal {
  readonly searches: string[] = [];
  readonly articles: { id: string; title: string }[] = [];
  readonly eligibility: EligibilityNote[] = [];
  order = "";
  private queue: PortalEvent[] = [];
  private timer = 0;
  // Random per page view: nothing links a shopper's visits together.
  private readonly sessionId = randomId();

  constructor(
    private readonly endpoint: string,
    private readonly locale: string,
  ) {
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && this.flush(true));
  }

  search(query: string, results: number) {
    if (!this.searches.includes(query)) keep(this.searches, query);
    this.track({ type: results ? "search" : "search_no_results", query, results });
  }

  articleOpened(id: string, title: string) {
    if (this.articles.some((article) => article.id === id)) return;
    keep(this.articles, { id, title });
    this.track({ type: "article_open", articleId: id });
  }

  saw(note: EligibilityNote) {
    keep(this.eligibility, note);
  }

  track(event: PortalEvent) {
    this.queue.push(event);
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), this.queue.length < MAX_BATCH ? FLUSH_AFTER_MS : 0);
  }

  /** Sends what is queued; on leaving the page with `sendBeacon`, which outlives it. Losing a batch is harmless. */
  flush(leaving = false) {
    const body = JSON.stringify({
      sessionId: this.sessionId,
      locale: this.locale,
      events: this.queue.splice(0, MAX_BATCH),
    });
    if (body.endsWith("[]}")) return;
    if (!(leaving && navigator.sendBeacon?.(this.endpoint, new Blob([body], { type: "application/json" })))) {
      fetch(this.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        keepalive: true,
      }).catch(() => {});
    }
  }

  /** The context of a contact request (docs/storefront-api.md, `POST /contact`). */
  context() {
    const { searches, articles, eligibility } = this;
    return { searches, articles, eligibility, page: location.pathname };
  }
}

/** Keeps the latest entries, newest last. */
function keep<T>(list: T[], entry: T) {
  if (list.push(entry) > KEEP) list.shift();
}
