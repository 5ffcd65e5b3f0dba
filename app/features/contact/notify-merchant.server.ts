import { randomUUID } from "node:crypto";

import prisma from "../../db.server";
import { recordNotification, type NotificationStatus } from "./ContactRequest.server";
import {
  defaultMailer,
  deliverMerchantEmail,
  enqueueMerchantEmail,
  type Mailer,
  type MerchantEmailMessage,
} from "./merchant-email-outbox.server";

export interface NotifyConfig {
  smtpUrl?: string;
  from?: string;
  to?: string;
}

/** One line for a mail header: control characters (CR, LF, tab…) and line separators become spaces. */
function headerText(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
}

// Checked at the edge already (zod email); this keeps a stored row that is not one out of the Reply-To header.
const PLAIN_ADDRESS = /^[^\s\p{Cc}<>"(),;:\\[\]@]+@[^\s\p{Cc}<>"(),;:\\[\]@]+$/u;

/**
 * The merchant's email about a contact request. Plain text only (the shopper's words cannot become markup in a mail
 * client); the shopper's address is the Reply-To, so answering the email answers the shopper; nothing the shopper
 * typed can add a header (no line breaks reach one).
 */
function contactEmail(
  request: { reference: string; name: string; email: string; message: string; orderName: string | null; shop: string },
  config: { from?: string; to: string },
): MerchantEmailMessage {
  const orderName = request.orderName ? headerText(request.orderName) : null;
  return {
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
  };
}

/**
 * Stores the merchant's email about a request in the outbox (once per `dedupeKey`), or records `not_configured`
 * when there is no SMTP server or recipient. Returns the stored email's id, or null when there is none to send.
 */
async function queueContactEmail(requestId: string, config: NotifyConfig, dedupeKey: string) {
  const request = await prisma.contactRequest.findUnique({ where: { id: requestId } });
  if (!request) return null;
  if (!config.smtpUrl || !config.to) {
    await recordNotification(requestId, "not_configured");
    return null;
  }
  const { id } = await enqueueMerchantEmail({
    shop: request.shop,
    dedupeKey,
    contactRequestId: request.id,
    message: contactEmail(request, { from: config.from, to: config.to }),
  });
  return id;
}

/** One attempt now; the outcome is recorded on the request (`failed` while a retry is scheduled, too). */
async function sendQueued(
  requestId: string,
  emailId: string,
  smtpUrl: string,
  mailer: Mailer,
): Promise<NotificationStatus | null> {
  const outcome = await deliverMerchantEmail(emailId, { smtpUrl, mailer });
  if (outcome === "skipped") return null;
  const status: NotificationStatus = outcome === "sent" ? "sent" : "failed";
  await recordNotification(requestId, status);
  return status;
}

/**
 * Emails the merchant about a stored contact request now, through the outbox: the email is stored first, then sent
 * once; a failed send is retried with backoff by the outbox worker (`startMerchantEmailWorker`). Whatever happens is
 * recorded on the request — a failed send never loses it, and the inbox shows that the merchant was not emailed.
 * Each call is a new email; `queueMerchantNotification` sends at most one per request.
 */
export async function notifyMerchant(
  requestId: string,
  config: NotifyConfig,
  mailer: Mailer = defaultMailer,
): Promise<NotificationStatus> {
  const emailId = await queueContactEmail(requestId, config, `contact:${requestId}:${randomUUID()}`);
  if (!emailId) return "not_configured";
  return (await sendQueued(requestId, emailId, config.smtpUrl!, mailer)) ?? "failed";
}

const pending = new Set<Promise<void>>();

function inBackground(requestId: string, work: Promise<unknown>): void {
  const task: Promise<void> = work
    .then(
      () => undefined,
      (error: unknown) => {
        console.error(`[notify-merchant] ${requestId}: ${error instanceof Error ? error.message : String(error)}`);
      },
    )
    .finally(() => pending.delete(task));
  pending.add(task);
}

/**
 * Stores the merchant's email about a request — at most one per request, however often the submission is replayed —
 * and sends it in the background. Awaited by the storefront before it answers, so once the shopper has a reference
 * the email is in the outbox: a crash before it is sent delays it (the worker sends it after the restart), never
 * loses it. The send itself is never awaited (a dead SMTP server would hold the shopper for seconds).
 */
export async function queueMerchantNotification(requestId: string, config: NotifyConfig): Promise<void> {
  const emailId = await queueContactEmail(requestId, config, `contact:${requestId}`);
  if (emailId) inBackground(requestId, sendQueued(requestId, emailId, config.smtpUrl!, defaultMailer));
}

/** Resolves when every background notification started so far has been sent or recorded as failed. */
export async function settleNotifications(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
