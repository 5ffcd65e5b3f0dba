import type { Db } from "../../db-types.server";
import { deleteShopAnalytics, deleteShopVisits } from "../analytics/AnalyticsEvent.server";
import { deleteShopBranding } from "../branding/Branding.server";
import {
  deleteCustomerContactRequests,
  deleteShopContactRateLimits,
  deleteShopContactRequests,
  exportCustomerContactRequests,
} from "../contact/ContactRequest.server";
import {
  deleteCustomerMerchantEmails,
  deleteShopMerchantEmails,
  exportCustomerMerchantEmails,
} from "../contact/merchant-email-outbox.server";
import { deleteShopFaq } from "../faq/Faq.server";
import { deleteShopReturnPolicy } from "../policy/ReturnPolicy.server";
import {
  deleteCustomerSubmissions,
  deleteShopSubmissions,
  exportCustomerSubmissions,
} from "../returns/ReturnSubmission.server";
import { deleteCustomerRateLimits, deleteShopRateLimits } from "../orders/guest-lookup-rate-limit.server";
import { deleteShopPublishState } from "../publishing/publish-storefront-snapshot.server";

/** The customer a compliance webhook names, as Shopify sends it. */
export interface ComplianceCustomer {
  id: string;
  email?: string | null;
  phone?: string | null;
}

/** A customer compliance webhook: the shop, the customer, and the orders it names. */
export interface CustomerRequest {
  shop: string;
  customer: ComplianceCustomer;
  orderIds: string[];
}

/**
 * One place where Resolve keeps data about a shop or its customers. Every table that holds such data
 * registers a source in `personalDataSources`, so the compliance webhooks export and delete it without
 * anyone having to remember a new table in three handlers.
 */
export interface PersonalDataSource {
  /** Names the section of a data export, in the merchant's words. */
  name: string;
  /** Everything this source holds about the customer (customers/data_request). */
  exportCustomer(request: CustomerRequest, db: Db): Promise<unknown[]>;
  /** Deletes or anonymises what it holds about the customer (customers/redact); returns rows affected. */
  redactCustomer(request: CustomerRequest, db: Db): Promise<number>;
  /** Deletes everything it holds for the shop (shop/redact, 48 hours after uninstall). */
  redactShop(shop: string, db: Db): Promise<number>;
}

const noCustomerData = {
  exportCustomer: async () => [],
  redactCustomer: async () => 0,
};

/** Staff sessions hold merchant staff names and emails and the shop's access tokens; no shopper data. */
const sessions: PersonalDataSource = {
  name: "Admin sessions",
  ...noCustomerData,
  redactShop: async (shop, db) => (await db.session.deleteMany({ where: { shop } })).count,
};

const webhookReceipts: PersonalDataSource = {
  name: "Webhook receipts",
  ...noCustomerData,
  redactShop: async (shop, db) => (await db.webhookReceipt.deleteMany({ where: { shop } })).count,
};

/** Data exports prepared for the merchant hold the customer's data themselves. */
const complianceRequests: PersonalDataSource = {
  name: "Data requests",
  exportCustomer: async () => [],
  redactCustomer: async ({ shop, customer }, db) =>
    (await db.complianceRequest.updateMany({ where: { shop, customerId: customer.id }, data: { export: null } })).count,
  redactShop: async (shop, db) => (await db.complianceRequest.deleteMany({ where: { shop } })).count,
};

const shops: PersonalDataSource = {
  name: "Shop",
  ...noCustomerData,
  redactShop: async (shop, db) => (await db.shop.deleteMany({ where: { domain: shop } })).count,
};

/** The merchant's FAQ (categories, articles, translations): shop content, no shopper data. */
const faq: PersonalDataSource = {
  name: "FAQ",
  ...noCustomerData,
  redactShop: deleteShopFaq,
};

/**
 * Guest order lookup counters, for 15 minutes at most: keyed hashes of shopper IPs and emails, and order numbers
 * tried. Nothing readable to export; a redacted customer's email counter is deleted.
 */
const rateLimits: PersonalDataSource = {
  name: "Order lookup rate limits",
  exportCustomer: async () => [],
  redactCustomer: ({ shop, customer }, db) => deleteCustomerRateLimits(shop, customer.email, db),
  redactShop: deleteShopRateLimits,
};

/** The merchant's return policy: shop configuration, no shopper data. */
const returnPolicy: PersonalDataSource = {
  name: "Return policy",
  ...noCustomerData,
  redactShop: deleteShopReturnPolicy,
};

/** The portal's look and texts: shop configuration, no shopper data. */
const branding: PersonalDataSource = {
  name: "Branding",
  ...noCustomerData,
  redactShop: deleteShopBranding,
};

/** When and what was last published to the storefront (status, hash, error): no shopper data. */
const publishState: PersonalDataSource = {
  name: "Storefront publishing",
  ...noCustomerData,
  redactShop: deleteShopPublishState,
};

/** Returns shoppers submitted from the storefront: their lines, reason, note and resolution preference. */
const returnSubmissions: PersonalDataSource = {
  name: "Storefront return submissions",
  exportCustomer: ({ shop, customer }, db) => exportCustomerSubmissions(shop, customer.id, db),
  redactCustomer: ({ shop, customer }, db) => deleteCustomerSubmissions(shop, customer.id, db),
  redactShop: deleteShopSubmissions,
};

/**
 * Storefront analytics: nothing in it can be linked to a customer, so a customer request finds nothing. The
 * session id is a random UUID the block makes per page view (the request's customer id and IP are never kept,
 * the id format is enforced), an article id is one of the shop's published articles, and search text is scrubbed
 * of emails, phones, cards, postcodes, addresses and names before it is stored (text stored under the older
 * scrubber was removed by the migration that brought the new one). The rate-limit counters hold keyed IP hashes.
 */
const analytics: PersonalDataSource = {
  name: "Storefront analytics",
  ...noCustomerData,
  redactShop: deleteShopAnalytics,
};

/** Storefront visits (one row per analytics session id: when, whether it found help): no customer data. */
const analyticsVisits: PersonalDataSource = {
  name: "Storefront visits",
  ...noCustomerData,
  redactShop: deleteShopVisits,
};

/** Shoppers' contact requests: name, email, message, order and the help they looked at; found by email or id. */
const contactRequests: PersonalDataSource = {
  name: "Contact requests",
  exportCustomer: ({ shop, customer }, db) => exportCustomerContactRequests(shop, customer, db),
  redactCustomer: ({ shop, customer }, db) => deleteCustomerContactRequests(shop, customer, db),
  redactShop: async (shop, db) =>
    (await deleteShopContactRequests(shop, db)) + (await deleteShopContactRateLimits(shop, db)),
};

/**
 * The outbox of emails to the merchant: each a copy of a contact request (the shopper's name, address and words) with
 * its delivery state. Before contact requests, so a customer's emails are still found through their requests.
 */
const merchantEmails: PersonalDataSource = {
  name: "Emails to the merchant",
  exportCustomer: ({ shop, customer }, db) => exportCustomerMerchantEmails(shop, customer, db),
  redactCustomer: ({ shop, customer }, db) => deleteCustomerMerchantEmails(shop, customer, db),
  redactShop: deleteShopMerchantEmails,
};

// Order matters for shop/redact only in that the shop row goes last.
export const personalDataSources: PersonalDataSource[] = [
  sessions,
  webhookReceipts,
  complianceRequests,
  faq,
  returnPolicy,
  rateLimits,
  branding,
  publishState,
  returnSubmissions,
  analytics,
  analyticsVisits,
  merchantEmails,
  contactRequests,
  shops,
];
