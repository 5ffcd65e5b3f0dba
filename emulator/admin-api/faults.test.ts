import { describe, expect, it } from "vitest";
import { testApi } from "./testing";

const SHOP = `query ShopName { shop { name } }`;
const ORDERS = `query RecentOrders { orders(first: 1) { nodes { name } } }`;

describe("fault injection", () => {
  it("answers THROTTLED once, then normally", async () => {
    const api = testApi();
    api.injectFault({ kind: "throttled" });
    const throttled = await api.handle({ query: SHOP });
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 1,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
        },
      },
    });
    const next = await api.handle({ query: SHOP });
    expect(next.body).toMatchObject({ data: { shop: { name: "Resolve Demo Store" } } });
  });

  it("answers 5xx like Shopify, as many times as asked", async () => {
    const api = testApi();
    api.injectFault({ kind: "server-error", times: 2 });
    api.injectFault({ kind: "server-error", status: 503 });
    expect(await api.handle({ query: SHOP })).toMatchObject({ status: 500, body: { errors: "Internal Server Error" } });
    expect((await api.handle({ query: SHOP })).status).toBe(500);
    expect(await api.handle({ query: SHOP })).toMatchObject({ status: 503, body: { errors: "Service Unavailable" } });
    expect((await api.handle({ query: SHOP })).status).toBe(200);
  });

  it("applies a fault only to the named operation", async () => {
    const api = testApi();
    api.injectFault({ kind: "server-error", operationName: "RecentOrders", times: Infinity });
    expect((await api.handle({ query: SHOP })).status).toBe(200);
    expect((await api.handle({ query: ORDERS })).status).toBe(500);
    expect((await api.handle({ query: ORDERS })).status).toBe(500);
    api.clearFaults();
    expect((await api.handle({ query: ORDERS })).status).toBe(200);
  });

  it("delays the answer for a latency fault", async () => {
    const api = testApi();
    api.injectFault({ kind: "latency", latencyMs: 150 });
    const started = performance.now();
    const slow = await api.handle({ query: SHOP });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.status).toBe(200);
    const fastStart = performance.now();
    await api.handle({ query: SHOP });
    expect(performance.now() - fastStart).toBeLessThan(100);
  });

  it("throttles for real when asked to enforce the rate limit", async () => {
    const api = testApi({ enforceRateLimit: true });
    // Requests ~900 points, spends what it returns (~230): the 2,000-point bucket runs dry in a few calls.
    const expensive = `{ orders(first: 90) { nodes { lineItems(first: 4) { nodes { title } } } } }`;
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const body = (await api.handle({ query: expensive })).body as { errors?: { extensions: { code: string } }[] };
      codes.push(body.errors?.[0]?.extensions.code ?? "OK");
    }
    expect(codes[0]).toBe("OK");
    expect(codes).toContain("THROTTLED");
  });
});
