import { randomUUID } from "node:crypto";
import net, { type AddressInfo } from "node:net";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import prisma from "../app/db.server";
import { env } from "../app/env.server";
import { configureContactLimit } from "../app/features/contact/ContactRequest.server";
import { settleNotifications } from "../app/features/contact/notify-merchant.server";
import { action } from "../app/routes/proxy.contact";
import { proxiedJsonPost } from "./app-proxy-request";
import { captureMail } from "./smtp-capture";

/**
 * POST /apps/resolve/contact with SMTP configured: the shopper's answer never waits for the merchant's email, and
 * what happened to the email is recorded on the request once it settles.
 */

const SHOP = "proxy-contact-notify.myshopify.com";

function proxied(body: unknown) {
  return proxiedJsonPost("/contact", { shop: SHOP, body, ip: "203.0.113.90" });
}

async function post(overrides: Record<string, unknown> = {}) {
  const started = performance.now();
  const response = await action({
    request: proxied({
      submissionKey: randomUUID(),
      name: "Emma Johnson",
      email: "emma.johnson@example.com",
      message: "My parcel has not arrived.\n<b>Still waiting</b>",
      orderNumber: "#1001",
      ...overrides,
    }),
    params: {},
    context: {},
  });
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

const notification = async (reference: string) =>
  JSON.parse(
    (
      await prisma.contactRequest.findUniqueOrThrow({
        where: { shop_reference: { shop: SHOP, reference } },
      })
    ).context,
  ).notification;

// A working mail server, and one that accepts connections but never greets (a hung relay).
const mailbox = captureMail();
const { received } = mailbox;
const held = new Set<net.Socket>();
const stalling = net.createServer((socket) => {
  held.add(socket);
  socket.on("close", () => held.delete(socket));
});
const urls = { working: "", stalling: "" };
const saved = { SMTP_URL: env.SMTP_URL, NOTIFY_TO: env.NOTIFY_TO, NOTIFY_FROM: env.NOTIFY_FROM };

beforeAll(async () => {
  await prisma.session.upsert({
    where: { id: `offline_${SHOP}` },
    create: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_test", scope: "" },
    update: {},
  });
  await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
  urls.working = mailbox.url;
  urls.stalling = `smtp://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => stalling.close(() => resolve()));
});

beforeEach(async () => {
  received.length = 0;
  await prisma.contactRequest.deleteMany({ where: { shop: SHOP } });
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `contact-ip:${SHOP}:` } } });
  configureContactLimit({ points: 10, durationSeconds: 600 });
  Object.assign(env, { NOTIFY_TO: "owner@shop.example", NOTIFY_FROM: "resolve@shop.example" });
});

afterEach(async () => {
  await settleNotifications();
  Object.assign(env, saved);
});

describe("POST /proxy/contact with SMTP configured", () => {
  it("answers at once when the mail server hangs, then records the send as failed", async () => {
    env.SMTP_URL = urls.stalling;
    const result = await post();
    expect(result.status).toBe(201);
    expect(result.ms).toBeLessThan(1_000);
    // Stored before the answer; the notification has not settled yet (the server has not even greeted).
    expect(await notification(result.body.reference)).toBeUndefined();
    const settling = performance.now();
    await settleNotifications();
    // Given up after nodemailer's greeting timeout, not left hanging.
    expect(performance.now() - settling).toBeLessThan(11_000);
    expect(await notification(result.body.reference)).toBe("failed");
    expect(await prisma.contactRequest.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("answers at once when nothing listens on the SMTP port, then records the send as failed", async () => {
    env.SMTP_URL = "smtp://127.0.0.1:1";
    const result = await post();
    expect([result.status, result.ms < 1_000]).toEqual([201, true]);
    await settleNotifications();
    expect(await notification(result.body.reference)).toBe("failed");
  });

  it("emails the merchant in plain text, reply-to the shopper, with the reference in the subject", async () => {
    env.SMTP_URL = urls.working;
    const result = await post();
    expect(result.status).toBe(201);
    await settleNotifications();
    expect(await notification(result.body.reference)).toBe("sent");
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual(["owner@shop.example"]);
    const [head, ...body] = mail!.data.split("\r\n\r\n");
    expect(head).toMatch(new RegExp(`^Subject: New help request ${result.body.reference} about order #1001$`, "m"));
    expect(head).toMatch(/^Reply-To: Emma Johnson <emma\.johnson@example\.com>$/m);
    expect(head).toMatch(/^Content-Type: text\/plain/m);
    expect(mail!.data).not.toMatch(/text\/html/i);
    expect(body.join("\n")).toContain("<b>Still waiting</b>");
  });

  it("emails a retry of the submission once", async () => {
    env.SMTP_URL = urls.working;
    const body = { submissionKey: randomUUID() };
    const [first, second] = [await post(body), await post(body)];
    expect(second.body.reference).toBe(first.body.reference);
    await settleNotifications();
    expect(received).toHaveLength(1);
  });

  it("lets no line break in the shopper's name reach a header; refuses one in the email", async () => {
    env.SMTP_URL = urls.working;
    const result = await post({ name: "Eve\r\nBcc: victim@example.com" });
    expect(result.status).toBe(201);
    await settleNotifications();
    const [mail] = received;
    expect(mail!.to).toEqual(["owner@shop.example"]);
    expect(mail!.data.split("\r\n\r\n")[0]).not.toMatch(/^bcc:/im);
    const refused = await post({ email: "eve@example.com\r\nBcc: victim@example.com" });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: "invalid_input", fields: { email: "invalid" } });
  });

  it("records not_configured without a recipient, and sends nothing", async () => {
    Object.assign(env, { SMTP_URL: urls.working, NOTIFY_TO: undefined });
    const result = await post();
    await settleNotifications();
    expect(await notification(result.body.reference)).toBe("not_configured");
    expect(received).toHaveLength(0);
  });
});
