/**
 * The emulated shop's data. Plain JSON (ISO date strings, integer cents) so it can be saved to a
 * state file and read by the emulator's HTTP server; GraphQL objects are derived from it per request
 * by resolvers/*, and only mutations/* change it.
 */
export type ISODate = string;

export interface EmulatorState {
  formatVersion: 1;
  /** The moment the seed's relative dates were computed from. */
  seededAt: ISODate;
  shop: ShopRecord;
  app: AppRecord;
  shopLocales: ShopLocaleRecord[];
  products: ProductRecord[];
  collections: CollectionRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  returns: ReturnRecord[];
  returnReasonDefinitions: ReturnReasonDefinitionRecord[];
  /** App-data metafields: owned by the current app installation, namespaces stored resolved. */
  appMetafields: MetafieldRecord[];
  themes: ThemeRecord[];
  /** Next numeric id per object type, so new objects never reuse an id (even after a restart). */
  nextIds: Record<string, number>;
}

export interface ShopRecord {
  id: number;
  name: string;
  myshopifyDomain: string;
  primaryDomainHost: string;
  email: string;
  contactEmail: string;
  currencyCode: string;
  enabledPresentmentCurrencies: string[];
  ianaTimezone: string;
  timezoneAbbreviation: string;
  timezoneOffsetMinutes: number;
  shopOwnerName: string;
  planName: string;
  createdAt: ISODate;
}

export interface AppRecord {
  /** Numeric app id; Shopify resolves the `$app` namespace prefix to `app--<id>`. */
  id: number;
  title: string;
  handle: string;
  apiKey: string;
  installationId: number;
  accessScopes: string[];
}

export interface ShopLocaleRecord {
  locale: string;
  name: string;
  primary: boolean;
  published: boolean;
}

export interface ProductRecord {
  id: number;
  handle: string;
  title: string;
  productType: string;
  vendor: string;
  tags: string[];
  isGiftCard: boolean;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  descriptionHtml: string;
  options: { name: string; values: string[] }[];
  variants: VariantRecord[];
  imageId: number;
  createdAt: ISODate;
  updatedAt: ISODate;
}

export interface VariantRecord {
  id: number;
  title: string;
  sku: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  selectedOptions: { name: string; value: string }[];
  inventoryQuantity: number;
  requiresShipping: boolean;
}

export interface CollectionRecord {
  id: number;
  handle: string;
  title: string;
  description: string;
  productIds: number[];
  updatedAt: ISODate;
}

export interface AddressRecord {
  firstName: string | null;
  lastName: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
}

export interface CustomerRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  locale: string;
  tags: string[];
  address: AddressRecord;
  createdAt: ISODate;
  updatedAt: ISODate;
}

export type OrderCancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";
/** The payment state before refunds; refunds then make it (PARTIALLY_)REFUNDED. */
export type PaymentState = "PAID" | "PENDING" | "AUTHORIZED" | "VOIDED";

export interface OrderRecord {
  id: number;
  number: number;
  name: string;
  email: string | null;
  customerId: number | null;
  createdAt: ISODate;
  processedAt: ISODate;
  updatedAt: ISODate;
  cancelledAt: ISODate | null;
  cancelReason: OrderCancelReason | null;
  closedAt: ISODate | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  /** Shop currency → presentment currency, fixed at checkout. */
  presentmentRate: number;
  customerLocale: string;
  payment: PaymentState;
  shippingCents: number;
  tags: string[];
  note: string | null;
  shippingAddress: AddressRecord | null;
  lineItems: LineItemRecord[];
  fulfillments: FulfillmentRecord[];
  refunds: RefundRecord[];
}

export interface LineItemRecord {
  id: number;
  productId: number | null;
  variantId: number | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  /** Unit price in shop currency before discounts. */
  unitPriceCents: number;
  /** Discount on the whole line (all units), shop currency. */
  discountCents: number;
  isGiftCard: boolean;
  requiresShipping: boolean;
}

export type FulfillmentDisplayStatus =
  | "ATTEMPTED_DELIVERY"
  | "CANCELED"
  | "CARRIER_PICKED_UP"
  | "CONFIRMED"
  | "DELAYED"
  | "DELIVERED"
  | "FAILURE"
  | "FULFILLED"
  | "IN_TRANSIT"
  | "LABEL_PRINTED"
  | "LABEL_PURCHASED"
  | "MARKED_AS_FULFILLED"
  | "OUT_FOR_DELIVERY"
  | "READY_FOR_PICKUP";

export type FulfillmentEventStatus =
  | "ATTEMPTED_DELIVERY"
  | "CARRIER_PICKED_UP"
  | "CONFIRMED"
  | "DELAYED"
  | "DELIVERED"
  | "FAILURE"
  | "IN_TRANSIT"
  | "LABEL_PRINTED"
  | "LABEL_PURCHASED"
  | "OUT_FOR_DELIVERY"
  | "READY_FOR_PICKUP";

export interface FulfillmentRecord {
  id: number;
  name: string;
  status: "SUCCESS" | "CANCELLED";
  displayStatus: FulfillmentDisplayStatus;
  createdAt: ISODate;
  updatedAt: ISODate;
  inTransitAt: ISODate | null;
  deliveredAt: ISODate | null;
  estimatedDeliveryAt: ISODate | null;
  tracking: { company: string; number: string; url: string }[];
  lineItems: { id: number; lineItemId: number; quantity: number }[];
  events: FulfillmentEventRecord[];
}

export interface FulfillmentEventRecord {
  id: number;
  status: FulfillmentEventStatus;
  happenedAt: ISODate;
  message: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
}

export interface RefundRecord {
  id: number;
  createdAt: ISODate;
  note: string | null;
  returnId: number | null;
  lineItems: { lineItemId: number; quantity: number }[];
  /** Shipping refunded with this refund, shop currency. */
  shippingCents: number;
}

export type ReturnStatus = "CANCELED" | "CLOSED" | "DECLINED" | "OPEN" | "REQUESTED";
export type ReturnDeclineReason = "FINAL_SALE" | "OTHER" | "RETURN_PERIOD_ENDED";

export interface ReturnRecord {
  id: number;
  orderId: number;
  name: string;
  status: ReturnStatus;
  createdAt: ISODate;
  requestApprovedAt: ISODate | null;
  closedAt: ISODate | null;
  decline: { reason: ReturnDeclineReason; note: string | null } | null;
  lineItems: ReturnLineItemRecord[];
  /** The variants the buyer gets instead (`ReturnInput.exchangeLineItems`); absent in states saved before. */
  exchangeLineItems?: ExchangeLineItemRecord[];
}

export interface ExchangeLineItemRecord {
  id: number;
  variantId: number;
  quantity: number;
}

export interface ReturnLineItemRecord {
  id: number;
  fulfillmentLineItemId: number;
  quantity: number;
  returnReasonDefinitionId: number | null;
  customerNote: string | null;
  returnReasonNote: string;
}

export interface ReturnReasonDefinitionRecord {
  id: number;
  handle: string;
  name: string;
  deleted: boolean;
}

export interface MetafieldRecord {
  id: number;
  /** As stored by Shopify: `$app` prefixes already resolved to `app--<appId>`. */
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: ISODate;
  updatedAt: ISODate;
}

export type ThemeRole = "MAIN" | "UNPUBLISHED" | "DEVELOPMENT" | "DEMO" | "ARCHIVED" | "LOCKED";

export interface ThemeRecord {
  id: number;
  name: string;
  role: ThemeRole;
  createdAt: ISODate;
  updatedAt: ISODate;
  files: ThemeFileRecord[];
}

export interface ThemeFileRecord {
  filename: string;
  content: string;
  createdAt: ISODate;
  updatedAt: ISODate;
}

/** Takes the next id for an object type (ids are per type, like Shopify's). */
export function nextId(state: EmulatorState, type: string): number {
  const id = state.nextIds[type];
  if (id === undefined) throw new Error(`No id sequence for ${type}`);
  state.nextIds[type] = id + 1;
  return id;
}
