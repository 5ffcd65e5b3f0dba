import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";

import { OfflineSessionCache, type SessionStore } from "./offline-session-cache.server";

const SHOP = "cache.myshopify.com";
const ID = `offline_${SHOP}`;

/** The database as every server process sees it, counting reads. */
function sharedStore(initial: Session | undefined) {
  let stored = initial;
  let reads = 0;
  const store: SessionStore = {
    loadSession: async () => {
      reads += 1;
      return stored;
    },
    storeSession: async (session) => {
      stored = session;
      return true;
    },
    deleteSession: async () => {
      stored = undefined;
      return true;
    },
    deleteSessions: async () => {
      stored = undefined;
      return true;
    },
    findSessionsByShop: async () => (stored ? [stored] : []),
  };
  return {
    store,
    reads: () => reads,
    // Another server process changing the session, unseen by this one's cache.
    setElsewhere: (session: Session | undefined) => (stored = session),
  };
}

const offline = (accessToken: string, extra: Partial<ConstructorParameters<typeof Session>[0]> = {}) =>
  new Session({ id: ID, shop: SHOP, state: "", isOnline: false, accessToken, ...extra });

describe("the offline session cache", () => {
  it("sees a change made by another server process once the TTL has passed, and not before", async () => {
    let now = 0;
    const db = sharedStore(offline("shpat_old"));
    const storage = new OfflineSessionCache(5_000, () => now).wrap(db.store);
    expect((await storage.loadSession(ID))?.accessToken).toBe("shpat_old");
    db.setElsewhere(undefined);
    now = 4_999;
    expect((await storage.loadSession(ID))?.accessToken).toBe("shpat_old");
    now = 5_000;
    expect(await storage.loadSession(ID)).toBeUndefined();
  });

  it("always reads an expiring token and a missing session from the database", async () => {
    const expiring = sharedStore(offline("shpat_expiring", { expires: new Date(Date.now() + 3_600_000) }));
    const expiringStorage = new OfflineSessionCache().wrap(expiring.store);
    await expiringStorage.loadSession(ID);
    await expiringStorage.loadSession(ID);
    expect(expiring.reads()).toBe(2);

    const missing = sharedStore(undefined);
    const missingStorage = new OfflineSessionCache().wrap(missing.store);
    expect(await missingStorage.loadSession(ID)).toBeUndefined();
    missing.setElsewhere(offline("shpat_just_installed"));
    expect((await missingStorage.loadSession(ID))?.accessToken).toBe("shpat_just_installed");
  });

  it("does not keep what a read in flight during an invalidation returned", async () => {
    const db = sharedStore(offline("shpat_old"));
    let release = () => {};
    const slowStore: SessionStore = {
      ...db.store,
      loadSession: async (id) => {
        const session = await db.store.loadSession(id);
        await new Promise<void>((resolve) => (release = resolve));
        return session;
      },
    };
    const cache = new OfflineSessionCache();
    const storage = cache.wrap(slowStore);
    const inFlight = storage.loadSession(ID);
    await new Promise((resolve) => setImmediate(resolve));
    db.setElsewhere(undefined);
    cache.forgetShop(SHOP);
    release();
    expect((await inFlight)?.accessToken).toBe("shpat_old");
    const next = storage.loadSession(ID);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await next).toBeUndefined();
  });

  it("gives every caller its own copy, so one request's change is not another's", async () => {
    const storage = new OfflineSessionCache().wrap(sharedStore(offline("shpat_old")).store);
    const first = await storage.loadSession(ID);
    first!.accessToken = "changed by a caller";
    expect((await storage.loadSession(ID))?.accessToken).toBe("shpat_old");
  });
});
