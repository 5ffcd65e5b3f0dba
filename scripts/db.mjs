#!/usr/bin/env node
// Database tasks for both providers, from the one schema in prisma/schema.prisma.
//   generate       derive the PostgreSQL schema and generate both Prisma clients (runs on npm install)
//   migrate        apply migrations to DATABASE_URL (SQLite file by default, or postgres://…)
//   new-migration  write a migration for both providers from the change since the last one: NAME required
//   check-drift    fail when the models changed without a migration
// Prisma's CLI has no native engine offline and its WASM engine cannot migrate PostgreSQL, so PostgreSQL
// migrations are applied here with `pg`, recorded in Prisma's own _prisma_migrations table.
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const postgresDir = path.join(root, "prisma/postgres");
const postgresSchemaPath = path.join(postgresDir, "schema.prisma");
const migrationsDir = {
  sqlite: path.join(root, "prisma/migrations"),
  postgresql: path.join(root, "prisma/migrations-postgres"),
};
const snapshotPath = path.join(root, "prisma/migrations/schema.snapshot.prisma");
export const defaultSqliteUrl = "file:./prisma/dev.sqlite";

/** The PostgreSQL flavour of a datamodel written for SQLite. */
export function toPostgres(datamodel) {
  return datamodel
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = env("DATABASE_URL")')
    .replace(
      /engineType\s*=\s*"client"/,
      'engineType = "client"\n  output     = "../../node_modules/.prisma/postgres-client"',
    );
}

function prisma(args, options = {}) {
  return execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: options.stdio ?? ["ignore", "pipe", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...options.env },
  });
}

// Prisma resolves a config's schema relative to the config file, and ignores the engine settings of a schema
// passed with --schema alone: the PostgreSQL flavour gets a config of its own beside it.
const postgresConfig = `import { defineConfig } from "prisma/config";
export default defineConfig({ schema: "schema.prisma", engine: "js", experimental: { adapter: true } });
`;

function writePostgresSchema(source = schemaPath, target = postgresSchemaPath) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, toPostgres(fs.readFileSync(source, "utf8")));
  fs.writeFileSync(path.join(path.dirname(target), "prisma.config.ts"), postgresConfig);
  return target;
}

/** `migrate diff` output without the npm warnings Prisma may print on stdout. */
function onlySql(output) {
  return output
    .split("\n")
    .filter((line) => !/^npm (warn|notice)/i.test(line))
    .join("\n")
    .trim();
}

function diff(provider, from, to) {
  const args = ["migrate", "diff", "--script"];
  args.push(...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]));
  args.push("--to-schema-datamodel", to);
  void provider;
  return onlySql(prisma(args));
}

function generate() {
  writePostgresSchema();
  prisma(["generate"], { stdio: "inherit" });
  // Generating reads env("DATABASE_URL") without connecting; without a value Prisma falls back to a native engine.
  prisma(["generate", "--config", path.join(postgresDir, "prisma.config.ts")], {
    stdio: "inherit",
    env: { DATABASE_URL: "postgresql://localhost/resolve" },
  });
}

function newMigration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:migration -- <name_in_snake_case>");
  const hasSnapshot = fs.existsSync(snapshotPath);
  const tmp = fs.mkdtempSync(path.join(root, "prisma/.tmp-"));
  try {
    const fromPg = hasSnapshot ? writePostgresSchema(snapshotPath, path.join(tmp, "from.prisma")) : null;
    const sql = {
      sqlite: diff("sqlite", hasSnapshot ? snapshotPath : null, schemaPath),
      postgresql: diff("postgresql", fromPg, writePostgresSchema()),
    };
    if (!sql.sqlite || sql.sqlite.startsWith("-- This is an empty migration")) {
      console.log("The models have not changed since the last migration: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    for (const [provider, dir] of Object.entries(migrationsDir)) {
      const folder = path.join(dir, `${stamp}_${name}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, "migration.sql"), sql[provider] + "\n");
      fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
      console.log(`wrote ${path.relative(root, folder)}/migration.sql`);
    }
    fs.copyFileSync(schemaPath, snapshotPath);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function checkDrift() {
  const current = fs.readFileSync(schemaPath, "utf8");
  const snapshot = fs.existsSync(snapshotPath) ? fs.readFileSync(snapshotPath, "utf8") : "";
  if (current !== snapshot) {
    console.error("prisma/schema.prisma changed since the last migration. Run: npm run db:migration -- <name>");
    process.exit(1);
  }
  console.log("No drift: the last migration matches prisma/schema.prisma.");
}

/** Migrations in order, each with the SQL Prisma would run and its checksum. */
export function readMigrations(provider) {
  const dir = migrationsDir[provider];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies PostgreSQL migrations not yet recorded in _prisma_migrations. */
export async function migratePostgres(connectionString) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const applied = new Set(
      (await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).rows.map(
        (row) => row.migration_name,
      ),
    );
    for (const migration of readMigrations("postgresql")) {
      if (applied.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${error.message}`, { cause: error });
      }
    }
  } finally {
    await client.end();
  }
}

export async function migrate(url = process.env.DATABASE_URL ?? defaultSqliteUrl) {
  if (/^postgres(ql)?:\/\//.test(url)) return migratePostgres(url);
  prisma(["migrate", "deploy"], { env: { DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [command, arg] = process.argv.slice(2);
  try {
    if (command === "generate") generate();
    else if (command === "migrate") await migrate();
    else if (command === "new-migration") newMigration(arg);
    else if (command === "check-drift") checkDrift();
    else throw new Error("Usage: node scripts/db.mjs generate|migrate|new-migration NAME|check-drift");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
