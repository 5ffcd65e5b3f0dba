import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { contactInputSchema, storeContactRequest } from "./ContactRequest.server";
import { notifyMerchant, queueMerchantNotification, settleNotifications } from "./notify-merchant.server";
import { captureMail } from "../../../test/smtp-capture";

const SHOP = "notify-merchant.myshopify.com";
const mailbox = captureMail();
const { received } = mailbox;

beforeEach(async () => {
  received.length = 0;
  await prisma.contactRequest.deleteMany({ where: { shop: SHOP } });
});

async function stored(message = "Where is my parcel? <script>alert(1)</script>") {
  const input = contactInputSchema.parse({
    submissionKey: crypto.randomUUID(),
    name: "Emma Johnson",
    email: "emma.johnson@example.com",
    message,
  });
  const result = await storeContactRequest({
    shop: SHOP,
    input,
    shopper: { customerId: null, order: { verified: false, name: "#1001" } },
  });
  if (result.outcome !== "stored") throw new Error(result.outcome);
  return result;
}

/** Header lines of a received message (before the first blank line), continuation lines unfolded. */
const headers = (data: string) =>
  data
    .split(/\r?\n\r?\n/)[0]!
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/);

const notification = async (id: string) =>
  JSON.parse((await prisma.contactRequest.findUniqueOrThrow({ where: { id } })).context).notification;

describe("notifyMerchant", () => {
  it("emails the merchant the request in plain text, reply-to the shopper, and records it as sent", async () => {
    const { id, reference } = await stored();
    const status = await notifyMerchant(id, {
      smtpUrl: mailbox.url,
      from: "resolve@shop.example",
      to: "owner@shop.example",
    });
    expect(status).toBe("sent");
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual(["owner@shop.example"]);
    expect(mail!.data).toContain(`New help request ${reference} about order #1001`);
    expect(mail!.data).toMatch(/Reply-To: Emma Johnson <emma\.johnson@example\.com>/);
    expect(mail!.data).toContain("Content-Type: text/plain");
    expect(mail!.data).not.toContain("text/html");
    expect(await notification(id)).toBe("sent");
  });

  it("keeps the request and records the failure when the SMTP server is down", async () => {
    const { id } = await stored();
    const status = await notifyMerchant(id, { smtpUrl: "smtp://127.0.0.1:1", to: "owner@shop.example" });
    expect(status).toBe("failed");
    expect(await notification(id)).toBe("failed");
    expect(await prisma.contactRequest.count({ where: { id } })).toBe(1);
  });

  it("lets no line break typed by the shopper become a header of the email", async () => {
    // Written past the storefront's validation, as an old or imported row could be.
    const row = await prisma.contactRequest.create({
      data: {
        shop: SHOP,
        reference: "R-AAAAAA",
        name: "Eve\r\nBcc: victim@example.com\r\nX-Injected: yes",
        email: "eve@example.com\r\nBcc: other@example.com",
        message: "Hello\r\n\r\nBcc: third@example.com",
        orderName: "#1001\r\nX-Order-Injected: yes",
        locale: "en",
        context: "{}",
      },
    });
    expect(await notifyMerchant(row.id, { smtpUrl: mailbox.url, to: "owner@shop.example" })).toBe("sent");
    const [mail] = received;
    expect(mail!.to).toEqual(["owner@shop.example"]);
    const lines = headers(mail!.data);
    expect(lines.filter((line) => /^(bcc|x-injected|x-order-injected):/i.test(line))).toEqual([]);
    expect(lines.find((line) => /^subject:/i.test(line))).toBe(
      "Subject: New help request R-AAAAAA about order #1001 X-Order-Injected: yes",
    );
    // Not an address: no Reply-To rather than a broken one.
    expect(lines.some((line) => /^reply-to:/i.test(line))).toBe(false);
    // A name with line breaks is one line in the Reply-To.
    const named = await prisma.contactRequest.update({
      where: { id: row.id },
      data: { email: "eve@example.com" },
    });
    received.length = 0;
    expect(await notifyMerchant(named.id, { smtpUrl: mailbox.url, to: "owner@shop.example" })).toBe("sent");
    const replyTo = headers(received[0]!.data).filter((line) => /^reply-to:/i.test(line));
    expect(replyTo).toEqual(['Reply-To: "Eve Bcc: victim@example.com X-Injected: yes" <eve@example.com>']);
    expect(received[0]!.to).toEqual(["owner@shop.example"]);
  });

  it("sends nothing without SMTP settings, and says so on the request", async () => {
    const { id } = await stored();
    expect(await notifyMerchant(id, { to: "owner@shop.example" })).toBe("not_configured");
    expect(received).toHaveLength(0);
    expect(await notification(id)).toBe("not_configured");
  });
});

describe("queueMerchantNotification", () => {
  it("stores the email before it answers, records the outcome in the background, and settles with every send", async () => {
    const [sent, failed] = [await stored(), await stored()];
    await queueMerchantNotification(sent.id, { smtpUrl: mailbox.url, to: "owner@shop.example" });
    await queueMerchantNotification(failed.id, { smtpUrl: "smtp://127.0.0.1:1", to: "owner@shop.example" });
    expect(await prisma.merchantEmail.count({ where: { contactRequestId: { in: [sent.id, failed.id] } } })).toBe(2);
    await settleNotifications();
    expect([await notification(sent.id), await notification(failed.id)]).toEqual(["sent", "failed"]);
    expect(received).toHaveLength(1);
  });

  it("emails the merchant once however often the same request is replayed", async () => {
    const { id } = await stored();
    for (let attempt = 0; attempt < 3; attempt++) {
      await queueMerchantNotification(id, { smtpUrl: mailbox.url, to: "owner@shop.example" });
    }
    await settleNotifications();
    expect(received).toHaveLength(1);
  });

  it("never rejects: a request deleted before its email is sent is only logged", async () => {
    const { id } = await stored();
    await queueMerchantNotification(id, { smtpUrl: mailbox.url, to: "owner@shop.example" });
    await prisma.contactRequest.delete({ where: { id } });
    await expect(settleNotifications()).resolves.toBeUndefined();
    expect(await prisma.contactRequest.count({ where: { id } })).toBe(0);
  });
});
