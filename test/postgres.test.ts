import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { firstClosedDirectory, PostgresStartError, startPostgres } from "./postgres";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(mode: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-pg-test-"));
  made.push(dir);
  fs.mkdirSync(path.join(dir, "inner"));
  fs.chmodSync(dir, mode);
  return dir;
}

describe("firstClosedDirectory (why the postgres user cannot reach the binaries or the data)", () => {
  const stranger = { uid: 123456, gid: 123456 };

  it("names the first folder that others cannot enter, with its mode", () => {
    const dir = tempDir(0o700);
    expect(firstClosedDirectory(path.join(dir, "inner"), stranger)).toEqual({ dir, mode: "0700" });
  });

  it("finds nothing when every folder on the way can be entered", () => {
    const dir = tempDir(0o711);
    expect(firstClosedDirectory(path.join(dir, "inner"), stranger)).toBeNull();
  });

  it("judges a folder by its owner's bits for the account that owns it", () => {
    const dir = tempDir(0o700);
    const owner = { uid: fs.statSync(dir).uid, gid: 123456 };
    expect(firstClosedDirectory(dir, owner)).toBeNull();
  });
});

describe("startPostgres", () => {
  it("says in one line that the port is taken when another program holds it", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const failure = await startPostgres({ port }).then(
        async (server) => {
          await server.stop();
          return null;
        },
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(PostgresStartError);
      expect(String((failure as Error).message)).toMatch(new RegExp(`port ${port} is already in use`));
      expect((failure as Error).message).not.toContain("\n");
    } finally {
      blocker.close();
    }
  }, 60_000);
});
