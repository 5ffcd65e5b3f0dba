import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { createRequire } from "node:module";

import { env } from "./env.server";

/**
 * The one Prisma client. SQLite by default; PostgreSQL when DATABASE_URL is a postgres:// URL, through the
 * client generated from the derived PostgreSQL schema (same models, see scripts/db.mjs).
 */
export const isPostgresUrl = (databaseUrl: string) => /^postgres(ql)?:\/\//.test(databaseUrl);

export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (isPostgresUrl(databaseUrl)) {
    // Generated at install time by scripts/db.mjs into node_modules/.prisma/postgres-client.
    const require = createRequire(import.meta.url);
    const { PrismaClient: PostgresClient } = require(".prisma/postgres-client") as {
      PrismaClient: typeof PrismaClient;
    };
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl }) });
}

declare global {
  // Keeps one client across dev-server reloads.
  var resolvePrisma: PrismaClient | undefined;
}

const prisma = globalThis.resolvePrisma ?? createPrismaClient(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalThis.resolvePrisma = prisma;

export default prisma;
