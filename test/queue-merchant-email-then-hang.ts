// Run as a child process by merchant-email-outbox.server.db.test.ts, which kills it: an app process that stored a
// contact request and its email, and is sending it (to SMTP_URL, a server that never answers) when it dies.
import { storeContactRequest, contactInputSchema } from "../app/features/contact/ContactRequest.server";
import { queueMerchantNotification } from "../app/features/contact/notify-merchant.server";

const shop = process.argv[2]!;
const stored = await storeContactRequest({
  shop,
  input: contactInputSchema.parse({
    submissionKey: crypto.randomUUID(),
    name: "Emma Johnson",
    email: "emma.johnson@example.com",
    message: "Stored just before the crash.",
  }),
  shopper: { customerId: null, order: null },
});
if (stored.outcome !== "stored") throw new Error(stored.outcome);
await queueMerchantNotification(stored.id, { smtpUrl: process.env.SMTP_URL, to: "owner@shop.example" });
console.log(`queued ${stored.id}`);
// The send is under way (the server greets never); stay alive until killed.
setInterval(() => undefined, 1_000);
