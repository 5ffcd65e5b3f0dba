// Prisma CLI configuration. Prisma runs with its JavaScript engine and a driver adapter, which needs no
// native engine download (see docs/decisions/0002-one-schema-two-databases.md). The CLI commands that need
// a database (migrate deploy, migrate diff --from-url) talk to SQLite here; PostgreSQL migrations are
// applied by scripts/db.mjs.
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./prisma/dev.sqlite";
    return new PrismaLibSQL({ url });
  },
});
