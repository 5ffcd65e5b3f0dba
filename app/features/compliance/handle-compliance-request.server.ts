import { z } from "zod";

import type { Db } from "../../db-types.server";
import { personalDataSources, type ComplianceCustomer, type PersonalDataSource } from "./personal-data.server";

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
export async function exportCustomerData(
  db: Db,
  shop: string,
  payload: z.infer<typeof dataRequestPayload>,
  sources: PersonalDataSource[] = personalDataSources,
) {
  const data: Record<string, unknown[]> = {};
  for (const source of sources) {
    data[source.name] = await source.exportCustomer(db, shop, payload.customer, payload.orders_requested);
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
export async function redactCustomerData(
  db: Db,
  shop: string,
  payload: z.infer<typeof customerRedactPayload>,
  sources: PersonalDataSource[] = personalDataSources,
) {
  const redacted: ComplianceCustomer = payload.customer;
  let rows = 0;
  for (const source of sources) rows += await source.redactCustomer(db, shop, redacted, payload.orders_to_redact);
  // Keep only that a redaction happened, not who it was about.
  await db.complianceRequest.create({ data: { shop, topic: "customers/redact" } });
  return rows;
}

/** shop/redact: every source deletes everything it holds for the shop. */
export async function redactShopData(db: Db, shop: string, sources: PersonalDataSource[] = personalDataSources) {
  let rows = 0;
  for (const source of sources) rows += await source.redactShop(db, shop);
  return rows;
}
