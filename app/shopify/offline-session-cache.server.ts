import { Session } from "@shopify/shopify-api";

/** What the Shopify library asks of a session storage (PrismaSessionStorage's methods). */
export interface SessionStore {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<boolean>;
  deleteSessions(ids: string[]): Promise<boolean>;
  findSessionsByShop(shop: string): Promise<Session[]>;
}

/**
 * Every storefront request loads the shop's offline session; at a few hundred requests a second that lookup was
 * the app proxy's largest cost. This process keeps the sessions it loaded for `OFFLINE_SESSION_TTL_MS`, which
 * bounds how long another server process (that cannot see this one's invalidations) may still use a session
 * that changed: well inside the 90 s for which Shopify's signature on a storefront request stays valid.
 *
 * In this process a cached session is forgotten when the library stores or deletes it (token exchange, a new
 * token, scopes) and when a webhook for its shop was handled (uninstall, scopes update, shop redact, which
 * change sessions in the database directly), so here the next request reads the database again.
 *
 * Only offline sessions without an expiry are kept: an expiring token is refreshed, and a refresh token is
 * single-use, so those always come from the database. A shop without a session is never remembered either: a
 * shop that has just installed is served at once.
 */
export const OFFLINE_SESSION_TTL_MS = 5_000;

interface Entry {
  session: Session;
  loadedAt: number;
}

export class OfflineSessionCache {
  private readonly entries = new Map<string, Entry>();
  // Bumped by every invalidation, so that a load which started before it does not put back what it read.
  private generation = 0;

  constructor(
    private readonly ttlMs = OFFLINE_SESSION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string, loadFromStore: () => Promise<Session | undefined>): Promise<Session | undefined> {
    const entry = this.entries.get(id);
    if (entry && this.now() - entry.loadedAt < this.ttlMs) return copy(entry.session);
    const generation = this.generation;
    const loadedAt = this.now();
    const session = await loadFromStore();
    if (generation !== this.generation) return session;
    if (session && !session.isOnline && !session.expires) {
      this.entries.set(id, { session: copy(session), loadedAt });
    } else {
      this.entries.delete(id);
    }
    return session;
  }

  forget(id: string) {
    this.generation += 1;
    this.entries.delete(id);
  }

  forgetShop(shop: string) {
    this.generation += 1;
    for (const [id, { session }] of this.entries) {
      if (session.shop === shop) this.entries.delete(id);
    }
  }

  /** A session storage that reads through this cache and invalidates it on every write. */
  wrap(store: SessionStore): SessionStore {
    return {
      loadSession: (id) => this.load(id, () => store.loadSession(id)),
      storeSession: async (session) => {
        this.forget(session.id);
        try {
          return await store.storeSession(session);
        } finally {
          this.forget(session.id);
        }
      },
      deleteSession: async (id) => {
        this.forget(id);
        try {
          return await store.deleteSession(id);
        } finally {
          this.forget(id);
        }
      },
      deleteSessions: async (ids) => {
        ids.forEach((id) => this.forget(id));
        try {
          return await store.deleteSessions(ids);
        } finally {
          ids.forEach((id) => this.forget(id));
        }
      },
      findSessionsByShop: (shop) => store.findSessionsByShop(shop),
    };
  }
}

// The library may change a session it was given (a refreshed token); every caller gets its own.
const copy = (session: Session) => new Session(session.toObject());

/** The one cache of this server process, used by shopify.server.ts's session storage. */
export const offlineSessionCache = new OfflineSessionCache();
