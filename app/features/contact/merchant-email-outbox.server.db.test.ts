import { spawn } from "node:child_process";
import net, { type AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { contactInputSchema, storeContactRequest } from "./ContactRequest.server";
import {
  deliverMerchantEmail,
  drainMerchantEmails,
  OUTBOX_TIMING,
  startMerchantEmailWorker,
} from "./merchant-email-outbox.server";
import { notifyMerchant, queueMerchantNotification, settleNotifications } from "./notify-merchant.server";
import { captureMail } from "../../../test/smtp-capture";

const SHOP = "merchant-email-outbox.myshopify.com";
const mailbox = captureMail();
const { received } = mailbox;
const DOWN = "smtp://127.0.0.1:1";

// A relay that accepts the connection and never greets: a send to it is in flight until its timeout.
const held = new Set<net.Socket>();
const stalling = net.createServer((socket) => {
  held.add(socket);
  socket.on("close", () => held.delete(socket));
});
let stallingUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
  stallingUrl = `smtp://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => stalling.close(() => resolve()));
});

beforeEach(async () => {
  received.length = 0;
  await prisma.merchantEmail.deleteMany({ where: { shop: SHOP } });
  await prisma.contactRequest.deleteMany({ where: { shop: SHOP } });
});

async function stored() {
  const result = await storeContactRequest({
    shop: SHOP,
    input: contactInputSchema.parse({
      submissionKey: crypto.randomUUID(),
      name: "Emma Johnson",
      email: "emma.johnson@example.com",
      message: "Where is my parcel?",
    }),
    shopper: { customerId: null, order: { verified: false, name: "#1001" } },
  });
  if (result.outcome !== "stored") throw new Error(result.outcome);
  return result;
}

const notification = async (id: string) =>
  JSON.parse((await prisma.contactRequest.findUniqueOrThrow({ where: { id } })).context).notification;
const later = (ms: number) => () => new Date(Date.now() + ms);

describe("the merchant email outbox", () => {
  it("retries after the SMTP server comes back, and delivers the email once", async () => {
    const { id, reference } = await stored();
    expect(await notifyMerchant(id, { smtpUrl: DOWN, to: "owner@shop.example" })).toBe("failed");
    const [email] = await prisma.merchantEmail.findMany({ where: { contactRequestId: id } });
    expect(email).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringMatching(/^Error E[A-Z]+$/),
    });
    // Backing off: nothing is sent before the next attempt is due, even with the server back.
    expect(await drainMerchantEmails({ smtpUrl: mailbox.url })).toMatchObject({ sent: 0 });
    // Down again at the second attempt: the wait doubles.
    expect(await drainMerchantEmails({ smtpUrl: DOWN, now: later(OUTBOX_TIMING.firstRetryMs + 1_000) })).toMatchObject({
      retrying: 1,
    });
    const second = await prisma.merchantEmail.findUniqueOrThrow({ where: { id: email!.id } });
    expect(second.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(OUTBOX_TIMING.firstRetryMs * 2);
    // Up: the next drain after the wait sends it, and no later drain sends it again.
    const counts = await drainMerchantEmails({ smtpUrl: mailbox.url, now: later(10 * 60_000) });
    expect(counts).toMatchObject({ sent: 1 });
    await drainMerchantEmails({ smtpUrl: mailbox.url, now: later(24 * 3_600_000) });
    expect(received).toHaveLength(1);
    expect(received[0]!.data).toContain(`New help request ${reference} about order #1001`);
    expect(await prisma.merchantEmail.findUniqueOrThrow({ where: { id: email!.id } })).toMatchObject({
      status: "sent",
      attempts: 3,
    });
  });

  it("gives up after the last attempt and says so", async () => {
    const { id } = await stored();
    const timing = { ...OUTBOX_TIMING, maxAttempts: 2 };
    await notifyMerchant(id, { smtpUrl: DOWN, to: "owner@shop.example" });
    const [email] = await prisma.merchantEmail.findMany({ where: { contactRequestId: id } });
    expect(await deliverMerchantEmail(email!.id, { smtpUrl: DOWN, timing, now: later(3_600_000) })).toBe("failed");
    expect(await drainMerchantEmails({ smtpUrl: mailbox.url, now: later(48 * 3_600_000) })).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
  });

  it("sends one email when two servers race for it", async () => {
    const requests = await Promise.all(Array.from({ length: 5 }, () => stored()));
    for (const request of requests)
      await queueMerchantNotification(request.id, { smtpUrl: DOWN, to: "owner@shop.example" });
    await settleNotifications();
    // Every email failed once and is due again; two workers drain at the same moment.
    const options = { now: later(OUTBOX_TIMING.firstRetryMs + 1_000) };
    const [a, b] = await Promise.all([
      drainMerchantEmails({ ...options, smtpUrl: mailbox.url, owner: "server-a" }),
      drainMerchantEmails({ ...options, smtpUrl: mailbox.url, owner: "server-b" }),
    ]);
    expect(a.sent + b.sent).toBe(5);
    expect(received).toHaveLength(5);
    expect(new Set(received.map((mail) => /Subject: (.*)/.exec(mail.data)?.[1])).size).toBe(5);
  });

  it("resumes after the app is killed mid-send: delivered once by the restarted app", async () => {
    // One process (node --import tsx, not tsx's CLI, which runs the script in a child it would outlive the kill in).
    const child = spawn(process.execPath, ["--import", "tsx", "test/queue-merchant-email-then-hang.ts", SHOP], {
      env: { ...process.env, SMTP_URL: stallingUrl },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const id = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        const match = /queued (\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`the app exited (${code}) before queueing`)));
    });
    // The send is in flight in the child (it holds the lease): wait until it has claimed, then kill it.
    await expect
      .poll(async () => (await prisma.merchantEmail.findFirst({ where: { contactRequestId: id } }))?.leaseOwner, {
        timeout: 10_000,
      })
      .toBeTruthy();
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    for (const socket of held) socket.destroy();

    // The restarted app's worker: the dead process's lease is respected until it expires, then the email goes out.
    expect(await drainMerchantEmails({ smtpUrl: mailbox.url })).toMatchObject({ sent: 0 });
    expect(
      await drainMerchantEmails({ smtpUrl: mailbox.url, now: later(OUTBOX_TIMING.leaseMs + 1_000) }),
    ).toMatchObject({ sent: 1 });
    await drainMerchantEmails({ smtpUrl: mailbox.url, now: later(24 * 3_600_000) });
    expect(received).toHaveLength(1);
    expect(received[0]!.data).toContain("Stored just before the crash.");
  }, 30_000);

  it("sends at start what a previous process stored and never tried", async () => {
    const { id } = await stored();
    // Stored by a process that died before its first attempt (SMTP configured, nothing sent).
    await queueMerchantNotification(id, { smtpUrl: DOWN, to: "owner@shop.example" });
    await settleNotifications();
    await prisma.merchantEmail.updateMany({
      where: { contactRequestId: id },
      data: { attempts: 0, nextAttemptAt: new Date() },
    });
    const drained = new Promise((resolve) => {
      const stop = startMerchantEmailWorker({
        smtpUrl: () => mailbox.url,
        intervalMs: 60_000,
        onDrained: (counts) => {
          stop();
          resolve(counts);
        },
      });
    });
    expect(await drained).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(await prisma.merchantEmail.findFirstOrThrow({ where: { contactRequestId: id } })).toMatchObject({
      status: "sent",
    });
    expect(await notification(id)).toBe("failed");
  });
});
