import { z } from "zod";

import type { Db } from "../../db-types.server";
import { personalDataSources, type ComplianceCustomer } from "./personal-data.server";

const id = z.union([z.string(), z.number()]).transform(String);
const customer = z.object({ id, email: z.string().nullish(), phone: z.string().nullish() });

export const dataRequestPayload = z.object({
  shop_domain: z.string(),
  customer,
  orders_requested: z.array(id).default([]),
  data_request: z.object({ id }).optional(),
});
export const customerRedactPayload = z.object({
  shop_domain: z.string(),
  customer,
  orders_to_redact: z.array(id).default([]),
});
export const shopRedactPayload = z.object({ shop_domain: z.string() });

/**
 * customers/data_request: gathers what every source holds about the customer into one export the
 * merchant can hand over, and records the request.
 */
export async function exportCustomerData(shop: string, payload: z.infer<typeof dataRequestPayload>, db: Db) {
  const data: Record<string, unknown[]> = {};
  for (const source of personalDataSources) {
    data[source.name] = await source.exportCustomer(
      { shop, customer: payload.customer, orderIds: payload.orders_requested },
      db,
    );
  }
  const exported = {
    customer: payload.customer,
    ordersRequested: payload.orders_requested,
    preparedAt: new Date().toISOString(),
    data,
  };
  return db.complianceRequest.create({
    data: { shop, topic: "customers/data_request", customerId: payload.customer.id, export: JSON.stringify(exported) },
  });
}

/** customers/redact: every source deletes what it holds about the customer. */
export async function redactCustomerData(shop: string, payload: z.infer<typeof customerRedactPayload>, db: Db) {
  const redacted: ComplianceCustomer = payload.customer;
  let rows = 0;
  for (const source of personalDataSources) {
    rows += await source.redactCustomer({ shop, customer: redacted, orderIds: payload.orders_to_redact }, db);
  }
  // Keep only that a redaction happened, not who it was about.
  await db.complianceRequest.create({ data: { shop, topic: "customers/redact" } });
  return rows;
}

/** shop/redact: every source deletes everything it holds for the shop. */
export async function redactShopData(shop: string, db: Db) {
  let rows = 0;
  for (const source of personalDataSources) rows += await source.redactShop(shop, db);
  return rows;
}
