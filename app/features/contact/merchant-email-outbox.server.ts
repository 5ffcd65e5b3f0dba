import { randomUUID } from "node:crypto";

import type { Prisma } from "@prisma/client";
import nodemailer, { type Transporter } from "nodemailer";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { isUniqueViolation } from "../../db-types.server";

/** One email to the merchant, as stored in the outbox and handed to the SMTP server. */
export interface MerchantEmailMessage {
  to: string;
  from: string;
  replyTo?: { name: string; address: string };
  subject: string;
  text: string;
}

export type Mailer = (smtpUrl: string) => Pick<Transporter, "sendMail">;

// Short enough that a dead or stalling SMTP server settles a send in seconds, long enough for a slow one.
const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

export const defaultMailer: Mailer = (url) => nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });

/**
 * The lease outlasts the longest send the timeouts above allow (connection + greeting + socket, 20 s), so a row is
 * only taken over from a server that died: two live servers never send the same email. Retries back off from 30 s
 * to an hour; after 8 attempts (about 2 hours) the email is given up as failed.
 */
export const OUTBOX_TIMING = { leaseMs: 120_000, firstRetryMs: 30_000, maxRetryMs: 3_600_000, maxAttempts: 8 };

/** The wait after the n-th failed attempt (1-based): 30 s, 1 min, 2 min, 4 min… at most an hour. */
export function retryDelayMs(failedAttempts: number, timing = OUTBOX_TIMING): number {
  return Math.min(timing.maxRetryMs, timing.firstRetryMs * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * Stores an email to send, once per `dedupeKey` and shop: enqueuing the same key again (a replayed submission, two
 * retries at the same moment) returns the stored email instead of adding one.
 */
export async function enqueueMerchantEmail(
  email: { shop: string; dedupeKey: string; contactRequestId?: string; message: MerchantEmailMessage },
  db: Db = prisma,
): Promise<{ id: string; created: boolean }> {
  const { shop, dedupeKey, contactRequestId, message } = email;
  try {
    const row = await db.merchantEmail.create({
      data: {
        shop,
        dedupeKey,
        contactRequestId: contactRequestId ?? null,
        toAddress: message.to,
        fromAddress: message.from,
        replyToName: message.replyTo?.name ?? null,
        replyToAddress: message.replyTo?.address ?? null,
        subject: message.subject,
        text: message.text,
      },
      select: { id: true },
    });
    return { id: row.id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.merchantEmail.findUniqueOrThrow({
      where: { shop_dedupeKey: { shop, dedupeKey } },
      select: { id: true },
    });
    return { id: existing.id, created: false };
  }
}

/** What a send attempt came to: `skipped` when the email was not this server's to send (not due, leased, sent). */
export type DeliveryOutcome = "sent" | "retrying" | "failed" | "skipped";

export interface DeliveryOptions {
  smtpUrl: string;
  mailer?: Mailer;
  /** Who holds the lease; one id per app process. */
  owner?: string;
  now?: () => Date;
  timing?: typeof OUTBOX_TIMING;
}

const processOwner = `${process.pid}-${randomUUID()}`;

/** Leases a due, unsent email to `owner`. One conditional update, so of two servers racing only one wins. */
async function claim(id: string, owner: string, now: Date, leaseMs: number, db: Db): Promise<boolean> {
  const { count } = await db.merchantEmail.updateMany({
    where: {
      id,
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/**
 * One attempt at sending a stored email, if it is due and no other server holds it. A failure schedules the next
 * attempt with backoff; the last failure marks it failed. Only the kind and code of an error are kept: its message
 * may quote the shopper's words.
 */
export async function deliverMerchantEmail(
  id: string,
  options: DeliveryOptions,
  db: Db = prisma,
): Promise<DeliveryOutcome> {
  const owner = options.owner ?? processOwner;
  const timing = options.timing ?? OUTBOX_TIMING;
  const now = options.now ?? (() => new Date());
  if (!(await claim(id, owner, now(), timing.leaseMs, db))) return "skipped";
  const email = await db.merchantEmail.findUnique({ where: { id } });
  if (!email) return "skipped";
  const mine = { id, leaseOwner: owner };
  try {
    await (options.mailer ?? defaultMailer)(options.smtpUrl).sendMail({
      from: email.fromAddress,
      to: email.toAddress,
      ...(email.replyToAddress ? { replyTo: { name: email.replyToName ?? "", address: email.replyToAddress } } : {}),
      subject: email.subject,
      text: email.text,
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const kind = error instanceof Error ? error.name : typeof error;
    const lastError = `${kind}${code ? ` ${String(code)}` : ""}`.slice(0, 100);
    const attempts = email.attempts + 1;
    const gaveUp = attempts >= timing.maxAttempts;
    console.warn(`[merchant-email] ${email.shop} ${email.id} attempt ${attempts}: ${lastError}`);
    await db.merchantEmail.updateMany({
      where: mine,
      data: {
        status: gaveUp ? "failed" : "pending",
        attempts,
        lastError,
        nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts, timing)),
        leaseOwner: null,
        leaseUntil: null,
      },
    });
    return gaveUp ? "failed" : "retrying";
  }
  await db.merchantEmail.updateMany({
    where: mine,
    data: {
      status: "sent",
      attempts: email.attempts + 1,
      sentAt: now(),
      lastError: null,
      leaseOwner: null,
      leaseUntil: null,
    },
  });
  return "sent";
}

/** The stored emails due now (never sent, next attempt reached, no live lease), oldest first. */
export async function dueMerchantEmails(now: Date, limit: number, db: Db = prisma): Promise<string[]> {
  const rows = await db.merchantEmail.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function deleteShopMerchantEmails(shop: string, db: Db): Promise<number> {
  return (await db.merchantEmail.deleteMany({ where: { shop } })).count;
}

/** The customer's emails: those about their contact requests, and any that names their address as the Reply-To. */
function customerEmailsWhere(shop: string, customer: { id: string; email?: string | null }) {
  const or: Prisma.MerchantEmailWhereInput[] = [{ contactRequest: { customerId: customer.id } }];
  if (customer.email) {
    const email = customer.email.trim().toLowerCase();
    or.push({ replyToAddress: email }, { contactRequest: { email } });
  }
  return { shop, OR: or };
}

export async function exportCustomerMerchantEmails(
  shop: string,
  customer: { id: string; email?: string | null },
  db: Db,
) {
  const rows = await db.merchantEmail.findMany({
    where: customerEmailsWhere(shop, customer),
    orderBy: { createdAt: "asc" },
    select: { subject: true, text: true, replyToAddress: true, status: true, createdAt: true, sentAt: true },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

export async function deleteCustomerMerchantEmails(
  shop: string,
  customer: { id: string; email?: string | null },
  db: Db,
): Promise<number> {
  return (await db.merchantEmail.deleteMany({ where: customerEmailsWhere(shop, customer) })).count;
}

/**
 * Sends every due email once (in order, one at a time: a merchant's emails are few), then returns how many went
 * out. Run at start and every `intervalMs` by `startMerchantEmailWorker`, it resumes what a crash or restart left.
 */
export async function drainMerchantEmails(options: DeliveryOptions & { limit?: number }, db: Db = prisma) {
  const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const now = options.now ?? (() => new Date());
  for (const id of await dueMerchantEmails(now(), options.limit ?? 50, db)) {
    counts[await deliverMerchantEmail(id, options, db)] += 1;
  }
  return counts;
}

/**
 * The outbox worker of this app process: drains at once (emails a previous process stored and never sent), then
 * every `intervalMs`. Its timer does not keep the process alive. Returns a function that stops it.
 */
export function startMerchantEmailWorker(options: {
  smtpUrl: () => string | undefined;
  intervalMs?: number;
  onDrained?: (counts: Awaited<ReturnType<typeof drainMerchantEmails>>) => void;
}): () => void {
  let running = false;
  const tick = async () => {
    const smtpUrl = options.smtpUrl();
    if (running || !smtpUrl) return;
    running = true;
    try {
      options.onDrained?.(await drainMerchantEmails({ smtpUrl }));
    } catch (error) {
      console.error(`[merchant-email] drain: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 15_000);
  timer.unref();
  return () => clearInterval(timer);
}
