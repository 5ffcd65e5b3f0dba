import prisma from "../../db.server";
import type { Db } from "../../db-types.server";

/** Records an installation (or a reinstall after an uninstall) and the scopes granted. */
export async function recordInstall(domain: string, scopes: string | undefined, db: Db = prisma) {
  return db.shop.upsert({
    where: { domain },
    create: { domain, scopes },
    update: { scopes, uninstalledAt: null, installedAt: new Date() },
  });
}

export async function recordScopes(domain: string, scopes: string, db: Db = prisma) {
  await db.shop.updateMany({ where: { domain }, data: { scopes } });
}

/** Marks the shop uninstalled and removes its sessions: their access tokens no longer work. */
export async function recordUninstall(domain: string, db: Db = prisma) {
  await db.session.deleteMany({ where: { shop: domain } });
  await db.shop.updateMany({ where: { domain }, data: { uninstalledAt: new Date() } });
}

export async function findShop(domain: string, db: Db = prisma) {
  return db.shop.findUnique({ where: { domain } });
}
