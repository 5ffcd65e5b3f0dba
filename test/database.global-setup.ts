import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { migrate } from "../scripts/db.mjs";
import { startPostgres } from "./postgres";
import { TEST_APP_ENV } from "./app-env";

/**
 * The database tests run once per provider (scripts/test.mjs sets TEST_DATABASE): a fresh SQLite file, or a
 * real PostgreSQL server, migrated with the project's own migrations, so a migration that does not match the
 * models fails here.
 */
export default async function setup() {
  Object.assign(process.env, TEST_APP_ENV);
  if (process.env.TEST_DATABASE === "postgres") {
    const postgres = await startPostgres();
    await migrate(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    return () => postgres.stop();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-sqlite-"));
  const url = `file:${path.join(dir, "test.sqlite")}`;
  await migrate(url);
  process.env.DATABASE_URL = url;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
