import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

export interface CapturedMail {
  from: string;
  to: string[];
  /** The raw message: headers, a blank line, the body. */
  data: string;
}

/**
 * A working local mail server for the file's tests: it accepts any sender, keeps every message it receives in
 * `received`, and listens from before the first test (`url`, an smtp:// URL) until after the last.
 */
export function captureMail() {
  const mailbox = { received: [] as CapturedMail[], url: "" };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
      stream.on("end", () => {
        mailbox.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data,
        });
        callback();
      });
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    mailbox.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return mailbox;
}
