// Run as a child process by refile-faults.db.test.ts: one app server (its own modules, Prisma client and Shopify
// library, calling the emulator at SHOPIFY_EMULATOR_URL) that a shopper's return submission reaches. It prints
// "ready" once loaded, sends the submission when a line arrives on stdin (so that two servers can be started
// together), prints "answered <status> <body>" and exits, unless it is killed first.
import { once } from "node:events";

import { proxiedJsonPost } from "./app-proxy-request";

const { shop, ref, customerId, submission } = JSON.parse(process.argv[2]!) as {
  shop: string;
  ref: string;
  customerId: number;
  submission: unknown;
};
const returnsRoute = await import("../app/routes/proxy.orders.$orderRef_.returns");

console.log("ready");
await once(process.stdin, "data");
const response = await returnsRoute.action({
  request: proxiedJsonPost(`/orders/${ref}/returns`, { shop, body: submission, customerId, ip: "203.0.113.7" }),
  params: { orderRef: ref },
  context: {},
});
console.log(`answered ${response.status} ${await response.text()}`);
process.exit(0);
