import prisma from "../../db.server";
import { isUniqueViolation, type Db } from "../../db-types.server";

export interface WebhookDelivery {
  webhookId: string;
  shop: string;
  topic: string;
}

/**
 * Runs a webhook's effect at most once per delivery id: Shopify retries a delivery that timed out or
 * failed, and may deliver the same event twice. The effect and the receipt commit together, so a failed
 * effect is retried by Shopify and a succeeded one is never repeated.
 */
export async function handleWebhookOnce(
  delivery: WebhookDelivery,
  effect: (db: Db) => Promise<void>,
): Promise<"handled" | "duplicate"> {
  try {
    return await prisma.$transaction(async (tx) => {
      const seen = await tx.webhookReceipt.findUnique({ where: { webhookId: delivery.webhookId } });
      if (seen) return "duplicate" as const;
      await effect(tx);
      await tx.webhookReceipt.create({ data: delivery });
      return "handled" as const;
    });
  } catch (error) {
    // Two concurrent deliveries of one event: the second receipt insert loses the race and rolls back.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
