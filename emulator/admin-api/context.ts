import type { SearchWarning } from "./search";
import type {
  CollectionRecord,
  CustomerRecord,
  EmulatorState,
  FulfillmentRecord,
  LineItemRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
  ReturnReasonDefinitionRecord,
  ReturnRecord,
  ThemeRecord,
  VariantRecord,
} from "./state";

/** Everything a resolver may use while answering one request. */
export interface RequestContext {
  state: EmulatorState;
  lookup: Lookup;
  now: () => Date;
  /** Search warnings Shopify returns in `extensions.search`. */
  searchWarnings: SearchWarning[];
  /** Mutations call this after changing state (indexes are rebuilt, the state file is saved). */
  changed: () => void;
}

type FulfillmentLine = FulfillmentRecord["lineItems"][number];

/** Indexes from id to record (and to the records that contain it), rebuilt when state changes. */
export class Lookup {
  readonly orders = new Map<number, OrderRecord>();
  readonly customers = new Map<number, CustomerRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly variants = new Map<number, { product: ProductRecord; variant: VariantRecord }>();
  readonly collections = new Map<number, CollectionRecord>();
  readonly lineItems = new Map<number, { order: OrderRecord; line: LineItemRecord }>();
  readonly fulfillments = new Map<number, { order: OrderRecord; fulfillment: FulfillmentRecord }>();
  readonly fulfillmentLineItems = new Map<
    number,
    { order: OrderRecord; fulfillment: FulfillmentRecord; fulfillmentLineItem: FulfillmentLine }
  >();
  readonly returns = new Map<number, ReturnRecord>();
  readonly returnLineItems = new Map<number, { ret: ReturnRecord; index: number }>();
  readonly returnReasons = new Map<number, ReturnReasonDefinitionRecord>();
  readonly metafields = new Map<number, MetafieldRecord>();
  readonly themes = new Map<number, ThemeRecord>();

  constructor(state: EmulatorState) {
    for (const order of state.orders) {
      this.orders.set(order.id, order);
      for (const line of order.lineItems) this.lineItems.set(line.id, { order, line });
      for (const fulfillment of order.fulfillments) {
        this.fulfillments.set(fulfillment.id, { order, fulfillment });
        for (const fulfillmentLineItem of fulfillment.lineItems)
          this.fulfillmentLineItems.set(fulfillmentLineItem.id, { order, fulfillment, fulfillmentLineItem });
      }
    }
    for (const customer of state.customers) this.customers.set(customer.id, customer);
    for (const product of state.products) {
      this.products.set(product.id, product);
      for (const variant of product.variants) this.variants.set(variant.id, { product, variant });
    }
    for (const collection of state.collections) this.collections.set(collection.id, collection);
    for (const ret of state.returns) {
      this.returns.set(ret.id, ret);
      ret.lineItems.forEach((line, index) => this.returnLineItems.set(line.id, { ret, index }));
    }
    for (const reason of state.returnReasonDefinitions) this.returnReasons.set(reason.id, reason);
    for (const metafield of state.appMetafields) this.metafields.set(metafield.id, metafield);
    for (const theme of state.themes) this.themes.set(theme.id, theme);
  }
}
