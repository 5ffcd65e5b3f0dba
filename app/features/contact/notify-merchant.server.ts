import nodemailer, { type Transporter } from "nodemailer";

import prisma from "../../db.server";
import { recordNotification, type NotificationStatus } from "./ContactRequest.server";

export interface NotifyConfig {
  smtpUrl?: string;
  from?: string;
  to?: string;
}

// Short enough that a dead or stalling SMTP server settles a background send in seconds, long enough for a slow one.
const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/** One line for a mail header: control characters (CR, LF, tab…) and line separators become spaces. */
function headerText(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
}

// Checked at the edge already (zod email); this keeps a stored row that is not one out of the Reply-To header.
const PLAIN_ADDRESS = /^[^\s\p{Cc}<>"(),;:\\[\]@]+@[^\s\p{Cc}<>"(),;:\\[\]@]+$/u;

/**
 * Emails the merchant about a stored contact request, when SMTP is configured. Plain text only (the shopper's
 * words cannot become markup in a mail client); the shopper's address is the Reply-To, so answering the email
 * answers the shopper; nothing the shopper typed can add a header (no line breaks reach one). Whatever happens is
 * recorded on the request — a failed send never loses it, and the inbox shows that the merchant was not emailed.
 */
export async function notifyMerchant(
  requestId: string,
  config: NotifyConfig,
  mailer: (url: string) => Transporter = (url) => nodemailer.createTransport({ url, ...SMTP_TIMEOUTS }),
): Promise<NotificationStatus> {
  const request = await prisma.contactRequest.findUnique({ where: { id: requestId } });
  if (!request) return "not_configured";
  let status: NotificationStatus;
  if (!config.smtpUrl || !config.to) {
    status = "not_configured";
  } else {
    try {
      const orderName = request.orderName ? headerText(request.orderName) : null;
      await mailer(config.smtpUrl).sendMail({
        from: config.from ?? config.to,
        to: config.to,
        ...(PLAIN_ADDRESS.test(request.email)
          ? { replyTo: { name: headerText(request.name), address: request.email } }
          : {}),
        subject: `New help request ${request.reference}${orderName ? ` about order ${orderName}` : ""}`,
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
      // The error's kind and code (ETIMEDOUT, ECONNECTION, EAUTH…) only: its message may quote the shopper's mail.
      const code = (error as { code?: unknown } | null)?.code;
      const kind = error instanceof Error ? error.name : typeof error;
      console.warn(`[notify-merchant] ${request.shop} ${request.reference}: ${kind}${code ? ` ${String(code)}` : ""}`);
      status = "failed";
    }
  }
  await recordNotification(requestId, status);
  return status;
}

const pending = new Set<Promise<void>>();

/**
 * Emails the merchant in the background: the shopper's answer does not wait for an SMTP server (a dead one would
 * hold it for seconds). The outcome is recorded on the request as `notifyMerchant` does; anything else that goes
 * wrong (the database, the request deleted meanwhile) is logged, never an unhandled rejection.
 */
export function notifyMerchantLater(requestId: string, config: NotifyConfig): void {
  const task: Promise<void> = notifyMerchant(requestId, config)
    .then(
      () => undefined,
      (error: unknown) => {
        console.error(`[notify-merchant] ${requestId}: ${error instanceof Error ? error.message : String(error)}`);
      },
    )
    .finally(() => pending.delete(task));
  pending.add(task);
}

/** Resolves when every background notification started so far has been sent or recorded as failed. */
export async function settleNotifications(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
