import nodemailer, { type Transporter } from "nodemailer";

import prisma from "../db.server";
import { recordNotification, type NotificationStatus } from "../models/ContactRequest.server";

export interface NotifyConfig {
  smtpUrl?: string;
  from?: string;
  to?: string;
}

/**
 * Emails the merchant about a stored contact request, when SMTP is configured. Plain text only (the shopper's
 * words cannot become markup in a mail client); the shopper's address is the Reply-To, so answering the email
 * answers the shopper. Whatever happens is recorded on the request — a failed send never loses it, and the inbox
 * shows that the merchant was not emailed.
 */
export async function notifyMerchant(
  requestId: string,
  config: NotifyConfig,
  mailer: (url: string) => Transporter = (url) =>
    nodemailer.createTransport({ url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 }),
): Promise<NotificationStatus> {
  const request = await prisma.contactRequest.findUnique({ where: { id: requestId } });
  if (!request) return "not_configured";
  let status: NotificationStatus;
  if (!config.smtpUrl || !config.to) {
    status = "not_configured";
  } else {
    try {
      await mailer(config.smtpUrl).sendMail({
        from: config.from ?? config.to,
        to: config.to,
        replyTo: { name: request.name.replace(/[\r\n]/g, " "), address: request.email },
        subject: `New help request ${request.reference}${request.orderName ? ` about order ${request.orderName}` : ""}`,
        text: [
          `${request.name} <${request.email}> wrote (reference ${request.reference}):`,
          "",
          request.message,
          "",
          request.orderName ? `Order: ${request.orderName}` : null,
          `Shop: ${request.shop}`,
        ]
          .filter((line) => line !== null)
          .join("\n"),
      });
      status = "sent";
    } catch (error) {
      console.warn(`[notify-merchant] ${request.shop}: ${error instanceof Error ? error.name : typeof error}`);
      status = "failed";
    }
  }
  await recordNotification(requestId, status);
  return status;
}
