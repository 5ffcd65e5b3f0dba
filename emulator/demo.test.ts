import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

import { DemoStartError, waitForApp } from "./demo";
import { freePort } from "./ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Another program on a port the demo wants: it answers every request with 200 and remembers each one. */
async function otherServer(body: unknown = { status: "ok" }) {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  servers.push(server);
  return { port, url: `http://localhost:${port}`, requests };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** `npm run demo` as a user starts it, with the ports it is given. */
function runDemo(env: { PORT: string; EMULATOR_PORT: string }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const demo = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "emulator/demo.ts"], {
      cwd: root,
      env: { ...process.env, ...env, NODE_ENV: "production" },
    });
    let stdout = "";
    let stderr = "";
    demo.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    demo.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Should the check ever stop working, the demo would start for real: it must not outlive the test.
    const timer = setTimeout(() => demo.kill(), 15_000);
    demo.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm run demo on a port another program holds", () => {
  it("stops with one line naming the app's port and PORT, and sends nothing to that program", async () => {
    const other = await otherServer();
    const result = await runDemo({ PORT: String(other.port), EMULATOR_PORT: String(await freePort()) });

    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("Resolve is running");
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^npm run demo: Port ${other.port} is already in use \\(by another program, or a demo still running\\), so the app cannot start there: stop it, or choose another port with PORT=\\d+ npm run demo$`,
      ),
    );
    expect(other.requests).toEqual([]);
  });

  it("stops with one line naming the emulator's port and EMULATOR_PORT, and sends nothing to that program", async () => {
    const other = await otherServer();
    const result = await runDemo({ PORT: String(await freePort()), EMULATOR_PORT: String(other.port) });

    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("Resolve is running");
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^npm run demo: Port ${other.port} is already in use \\(by another program, or a demo still running\\), so the local Shopify emulator cannot start there: stop it, or choose another port with EMULATOR_PORT=\\d+ npm run demo$`,
      ),
    );
    expect(other.requests).toEqual([]);
  });

  it("says in one line when PORT is not a port number", async () => {
    const result = await runDemo({ PORT: "three thousand", EMULATOR_PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('npm run demo: PORT must be a port number from 1 to 65535, not "three thousand"');
  });
});

describe("the demo's wait for its app", () => {
  it("never takes another server's healthy answer for its app's", async () => {
    const other = await otherServer({ status: "ok" });
    const waiting = waitForApp(other.url, "this-start", () => null);
    await expect(waiting).rejects.toThrow(DemoStartError);
    await expect(waiting).rejects.toThrow(
      `Port ${other.port} is already in use (by another program, or a demo still running), so the app`,
    );
    expect(other.requests).toEqual(["GET /healthz"]);
  });

  it("goes on once its app answers with the instance it was given", async () => {
    const app = await otherServer({ status: "ok", instance: "this-start" });
    await expect(waitForApp(app.url, "this-start", () => null)).resolves.toBeUndefined();
  });

  it("reports an app that exited during start-up", async () => {
    await expect(waitForApp(`http://localhost:${await freePort()}`, "this-start", () => 1)).rejects.toThrow(
      "The app exited with code 1 during start-up",
    );
  });
});
