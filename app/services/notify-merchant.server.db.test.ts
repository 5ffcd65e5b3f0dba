import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import prisma from "../db.server";
import { contactInputSchema, storeContactRequest } from "../models/ContactRequest.server";
import { notifyMerchant } from "./notify-merchant.server";

const SHOP = "notify-merchant.myshopify.com";
const received: { from: string; to: string[]; data: string }[] = [];

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        data,
      });
      callback();
    });
  },
});
let smtpUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
  return storeContactRequest(SHOP, input, { customerId: null, order: { verified: false, name: "#1001" } });
}

const notification = async (id: string) =>
  JSON.parse((await prisma.contactRequest.findUniqueOrThrow({ where: { id } })).context).notification;

describe("notifyMerchant", () => {
  it("emails the merchant the request in plain text, reply-to the shopper, and records it as sent", async () => {
    const { id, reference } = await stored();
    const status = await notifyMerchant(id, { smtpUrl, from: "resolve@shop.example", to: "owner@shop.example" });
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

  it("sends nothing without SMTP settings, and says so on the request", async () => {
    const { id } = await stored();
    expect(await notifyMerchant(id, { to: "owner@shop.example" })).toBe("not_configured");
    expect(received).toHaveLength(0);
    expect(await notification(id)).toBe("not_configured");
  });
});
