/**
 * First id per object type. Each type has its own range so an order id never looks like a customer
 * id or an order number (#1001): code that mixes them up fails against the emulator as it would
 * against Shopify. All stay below 2^53 so they survive JSON and JavaScript numbers.
 */
export const ID_BASE: Record<string, number> = {
  Shop: 60_517_892_321,
  App: 7_201_546_817,
  AppInstallation: 5_820_114_001,
  Product: 9_100_000_001,
  ProductVariant: 49_100_000_001,
  ProductOption: 11_200_000_001,
  MediaImage: 33_000_000_001,
  Collection: 41_200_000_001,
  Customer: 7_300_000_001,
  MailingAddress: 9_050_000_001,
  Order: 5_800_000_001,
  LineItem: 13_500_000_001,
  Fulfillment: 5_210_000_001,
  FulfillmentLineItem: 11_900_000_001,
  FulfillmentEvent: 3_900_000_001,
  Refund: 988_000_001,
  Return: 1_400_000_001,
  ReturnLineItem: 2_600_000_001,
  ExchangeLineItem: 2_700_000_001,
  ReturnReasonDefinition: 630_001,
  Metafield: 30_100_000_001,
  OnlineStoreTheme: 140_000_000_001,
};

/** Types whose ids do not move with a shop's id offset: the app is one app in every shop. */
const SHARED_ACROSS_SHOPS = new Set(["App"]);

export class IdSequence {
  readonly next: Record<string, number>;

  constructor(offset = 0) {
    this.next = Object.fromEntries(
      Object.entries(ID_BASE).map(([type, base]) => [type, SHARED_ACROSS_SHOPS.has(type) ? base : base + offset]),
    );
  }

  take(type: string): number {
    const id = this.next[type];
    if (id === undefined) throw new Error(`No id range for ${type}`);
    this.next[type] = id + 1;
    return id;
  }
}
