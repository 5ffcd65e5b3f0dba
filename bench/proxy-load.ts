/**
 * `npm run bench:proxy`: what an app-proxy request costs the app, under load.
 *
 * Starts the demo (emulator + production build of the app, server.mjs) with a throwaway SQLite database and a
 * fresh shop, then loads four endpoints on 127.0.0.1 with autocannon, one after the other:
 *
 *   a. the app's `/healthz`: no auth, one `SELECT 1` (the baseline: Remix + server.mjs + a database round trip);
 *   b. `/proxy/session` on the app, signed as Shopify's app proxy signs it (emulator/signing.ts): the app-proxy
 *      authentication (HMAC, timestamp, the shop's offline session from the database), a guest;
 *   c. the same through the emulator's storefront, `/apps/resolve/session`: adds the emulator's forwarding (it signs
 *      and re-sends each request, as Shopify's proxy does, but on this machine rather than at Shopify's edge);
 *   d. `/proxy/orders` on the app, signed in (a customer with orders): authentication plus one Admin API query to
 *      the emulator (`CustomerOrders`, 10 orders). The emulator answers in-process and does not throttle, so this
 *      is the app's own cost, not Shopify's latency or rate limits.
 *
 * Prints p50/p99/mean latency, requests/s and non-2xx per endpoint, each endpoint's req/s and p99 as a ratio to
 * `/healthz` in the same run (the goal for b: ≥ 0.8× its req/s), and the app-proxy overhead (b − a). The guest
 * order lookup is rate-limited per IP and is deliberately not loaded. It measures and prints; it never fails the
 * build (exit 1 only when it could not run, or when an endpoint did not answer 200 before the run).
 *
 * Environment: BENCH_DURATION (seconds per endpoint, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_SKIP_BUILD=1 (reuse the last build in RESOLVE_BUILD_DIR).
 */
import os from "node:os";

import autocannon, { type Result } from "autocannon";

import { DEMO_API_SECRET } from "../emulator/demo";
import { signAppProxyParams } from "../emulator/signing";
import { runAsScript, startBenchDemo, writeResults } from "./bench-kit";
const PROXY_PREFIX = "/apps/resolve";

/** A URL query signed as Shopify's app proxy signs it; the signature's timestamp is valid for 90 s. */
export function signedProxyQuery(shop: string, customerId: string, apiSecret: string, now = Date.now()): string {
  const params: Record<string, string> = {
    shop,
    logged_in_customer_id: customerId,
    path_prefix: PROXY_PREFIX,
    timestamp: String(Math.floor(now / 1000)),
  };
  return new URLSearchParams({ ...params, signature: signAppProxyParams(params, apiSecret) }).toString();
}

interface Scenario {
  name: string;
  /** Built just before its run, so a signed timestamp is fresh. */
  url: () => string;
  /** What a good answer contains, checked once before the load. */
  expect: (body: string) => boolean;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

async function main() {
  const startedAt = Date.now();
  const duration = Math.max(1, Number(process.env.BENCH_DURATION ?? 10));
  const connections = Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 10));
  if (duration > 80) throw new Error("BENCH_DURATION must stay under the signature's 90 s validity");
  const bench = await startBenchDemo();
  const { demo } = bench;
  try {
    const { shop } = demo.emulator;
    const state = demo.emulator.adminApi.state;
    const shopper = state.customers.find((customer) => state.orders.some((order) => order.customerId === customer.id));
    if (!shopper) throw new Error("The emulator's shop has no customer with orders");
    // Both listen on 127.0.0.1; going there directly keeps name resolution (localhost → ::1 first) out of it.
    const app = demo.appUrl.replace("localhost", "127.0.0.1");
    const emulator = demo.emulator.url.replace("localhost", "127.0.0.1");

    const scenarios: Scenario[] = [
      {
        name: "a. app /healthz (no auth)",
        url: () => `${app}/healthz`,
        expect: (body) => body.includes('"ok"'),
      },
      {
        name: "b. app /proxy/session (signed)",
        url: () => `${app}/proxy/session?${signedProxyQuery(shop, "", DEMO_API_SECRET)}`,
        expect: (body) => body.includes('"signedIn":false'),
      },
      {
        name: "c. emulator /apps/resolve/session",
        url: () => `${emulator}${PROXY_PREFIX}/session`,
        expect: (body) => body.includes('"signedIn":false'),
      },
      {
        name: "d. app /proxy/orders (signed in)",
        url: () => `${app}/proxy/orders?${signedProxyQuery(shop, String(shopper.id), DEMO_API_SECRET)}`,
        expect: (body) => body.includes('"orders":[{'),
      },
    ];

    console.log(
      `Demo up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (Node ${process.version}, ${os.cpus().length} CPUs). ` +
        `Loading each endpoint for ${duration} s with ${connections} connections …`,
    );
    const results: { scenario: Scenario; result: Result }[] = [];
    for (const scenario of scenarios) {
      const url = scenario.url();
      const check = await fetch(url);
      const body = await check.text();
      if (check.status !== 200 || !scenario.expect(body)) {
        throw new Error(`${scenario.name} answered ${check.status} ${body.slice(0, 200)} before the load`);
      }
      // A short warm-up (JIT, connection pools), not counted.
      // In a worker thread: the emulator (c, d) answers on this process's event loop, which the load must not share.
      await autocannon({ url, connections, duration: 2, workers: 1 });
      const result = await autocannon({ url, connections, duration, workers: 1 });
      results.push({ scenario, result });
      console.log(`  ${scenario.name}: done`);
    }

    console.log(
      `\nautocannon, ${connections} connections, ${duration} s per endpoint, after a 2 s warm-up (latency in ms; p50/p99 at 1 ms resolution)\n`,
    );
    const health = results[0]!.result;
    console.table(
      results.map(({ scenario, result }) => ({
        endpoint: scenario.name,
        "req/s": Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        mean: Number(result.latency.average.toFixed(2)),
        max: result.latency.max,
        requests: result.requests.total,
        "non-2xx": result.non2xx,
        errors: result.errors + result.timeouts,
        // Saturated throughput and tail relative to /healthz in the same run: comparable on a shared machine.
        "req/s ÷ a": Number((result.requests.average / health.requests.average).toFixed(2)),
        "p99 ÷ a": Number((result.latency.p99 / Math.max(1, health.latency.p99)).toFixed(2)),
      })),
    );
    const by = (prefix: string) => results.find(({ scenario }) => scenario.name.startsWith(prefix))!.result;
    const [a, b, c, d] = [by("a."), by("b."), by("c."), by("d.")];
    const delta = (x: Result, y: Result) =>
      `p50 ${x.latency.p50 - y.latency.p50} ms, p99 ${x.latency.p99 - y.latency.p99} ms, mean ${ms(x.latency.average - y.latency.average)}`;
    console.log(
      [
        `App-proxy authentication overhead (b − a): ${delta(b, a)}`,
        `Emulator forwarding (c − b, not part of production: Shopify's edge does this): ${delta(c, b)}`,
        `Signed-in order list, one Admin API query to the local emulator (d − b): ${delta(d, b)}`,
      ].join("\n"),
    );
    const failed = results.filter(({ result }) => result.non2xx + result.errors + result.timeouts > 0);
    if (failed.length > 0) {
      console.log(
        `\nNot every answer was a 2xx: ${failed
          .map(({ scenario, result }) => `${scenario.name} ${JSON.stringify(result.statusCodeStats)}`)
          .join("; ")}`,
      );
    }

    const outFile = writeResults("proxy-load", {
      at: new Date().toISOString(),
      connections,
      durationSeconds: duration,
      results: results.map(({ scenario, result }) => ({
        endpoint: scenario.name,
        requestsPerSecond: result.requests.average,
        latency: result.latency,
        total: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: result.statusCodeStats,
      })),
    });
    console.log(`\nResults: ${outFile} (total ${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
  } finally {
    await bench.stop();
  }
}

runAsScript(import.meta.url, main);
