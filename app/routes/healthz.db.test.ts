import { beforeEach, describe, expect, it, vi } from "vitest";

/** The loader as a server started with these variables has it (the configuration is read at import time). */
async function healthz(env: { INSTANCE_ID?: string }) {
  vi.resetModules();
  vi.stubEnv("INSTANCE_ID", env.INSTANCE_ID);
  const { loader } = await import("./healthz");
  const response = await loader();
  return { status: response.status, body: await response.json(), cache: response.headers.get("cache-control") };
}

beforeEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /healthz", () => {
  it("answers a load balancer once the database answers, uncached", async () => {
    expect(await healthz({})).toEqual({ status: 200, body: { status: "ok" }, cache: "no-store" });
  });

  it("says which server answered when it was given an instance id, so a demo never mistakes another program for it", async () => {
    expect(await healthz({ INSTANCE_ID: "demo-start-42" })).toEqual({
      status: 200,
      body: { status: "ok", instance: "demo-start-42" },
      cache: "no-store",
    });
  });
});
