import type { CollectionRecord, ProductRecord, VariantRecord } from "../state";
import type { SeedClock } from "./clock";
import type { IdSequence } from "./ids";

interface ProductSpec {
  handle: string;
  title: string;
  type: string;
  vendor: string;
  tags: string[];
  /** SKU stem; variant SKUs append the option values. */
  sku: string;
  /** Option name → values; variants are every combination. None → one "Default Title" variant. */
  options?: Record<string, string[]>;
  /** USD, or per variant title when variants differ in price. */
  price: number | Record<string, number>;
  compareAt?: number;
  giftCard?: boolean;
}

// Final-sale rules are expressed both ways a merchant does it: a `final-sale` tag (swim shorts,
// earrings) and membership of the "Final sale" collection without the tag (the sample-sale dress).
// prettier-ignore
const PRODUCTS: ProductSpec[] = [
  { handle: "classic-tee", title: "Classic Organic Tee", type: "T-Shirts", vendor: "Northwind Apparel", tags: ["cotton", "basics"], sku: "TEE", options: { Size: ["S", "M", "L", "XL"] }, price: 25 },
  { handle: "relaxed-hoodie", title: "Relaxed Fleece Hoodie", type: "Hoodies", vendor: "Northwind Apparel", tags: ["fleece", "new"], sku: "HOOD", options: { Size: ["S", "M", "L"] }, price: 65 },
  { handle: "linen-shirt", title: "Linen Button Shirt", type: "Shirts", vendor: "Northwind Apparel", tags: ["linen", "summer"], sku: "LINEN", options: { Color: ["White", "Sand"], Size: ["M", "L"] }, price: 58, compareAt: 72 },
  { handle: "slim-chinos", title: "Slim Stretch Chinos", type: "Pants", vendor: "Northwind Apparel", tags: ["basics"], sku: "CHINO", options: { Waist: ["30", "32", "34"] }, price: 72 },
  { handle: "trail-runner", title: "Trail Runner Sneakers", type: "Shoes", vendor: "Summit Footwear", tags: ["running", "new"], sku: "TRAIL", options: { Size: ["8", "9", "10", "11"] }, price: 120 },
  { handle: "wool-beanie", title: "Merino Wool Beanie", type: "Accessories", vendor: "Northwind Apparel", tags: ["wool", "winter"], sku: "BEANIE", price: 28 },
  { handle: "canvas-tote", title: "Canvas Tote Bag", type: "Bags", vendor: "Harbor Goods", tags: ["canvas"], sku: "TOTE", price: 32 },
  { handle: "leather-belt", title: "Leather Belt", type: "Accessories", vendor: "Harbor Goods", tags: ["leather"], sku: "BELT", options: { Size: ["M", "L"] }, price: 45 },
  { handle: "swim-shorts", title: "Swim Shorts", type: "Swimwear", vendor: "Northwind Apparel", tags: ["final-sale", "summer"], sku: "SWIM", options: { Size: ["S", "M", "L"] }, price: 38 },
  { handle: "gold-hoops", title: "Gold Hoop Earrings", type: "Jewelry", vendor: "Lumen Jewelry", tags: ["final-sale", "hygiene"], sku: "HOOPS", price: 49 },
  { handle: "wrap-dress", title: "Wrap Dress (Sample Sale)", type: "Dresses", vendor: "Northwind Apparel", tags: ["sample-sale"], sku: "WRAP", options: { Size: ["S", "M"] }, price: 89, compareAt: 140 },
  { handle: "packable-rain-jacket", title: "Packable Rain Jacket", type: "Outerwear", vendor: "Summit Outdoor", tags: ["waterproof"], sku: "RAIN", options: { Size: ["S", "M", "L"] }, price: 110, compareAt: 130 },
  { handle: "socks-3pack", title: "Everyday Socks (3-pack)", type: "Socks", vendor: "Northwind Apparel", tags: ["basics", "hygiene"], sku: "SOCKS", price: 18 },
  { handle: "polarized-sunglasses", title: "Polarized Sunglasses", type: "Accessories", vendor: "Lumen Eyewear", tags: ["summer"], sku: "SUN", price: 95 },
  { handle: "water-bottle", title: "Insulated Water Bottle", type: "Home", vendor: "Harbor Goods", tags: ["outdoor"], sku: "BOTTLE", options: { Color: ["Sage", "Charcoal"] }, price: 30 },
  { handle: "cork-yoga-mat", title: "Cork Yoga Mat", type: "Fitness", vendor: "Summit Outdoor", tags: ["yoga"], sku: "YOGA", price: 68 },
  { handle: "gift-card", title: "Resolve Demo Gift Card", type: "Gift Cards", vendor: "Resolve Demo Store", tags: ["gift"], sku: "GIFT", options: { Denomination: ["$25", "$50", "$100"] }, price: { $25: 25, $50: 50, $100: 100 }, giftCard: true },
];

// prettier-ignore
const COLLECTIONS: { handle: string; title: string; description: string; products: string[] }[] = [
  { handle: "final-sale", title: "Final sale", description: "Final sale items can't be returned or exchanged.", products: ["wrap-dress", "gold-hoops", "swim-shorts"] },
  { handle: "sale", title: "Sale", description: "Reduced prices while stocks last.", products: ["linen-shirt", "packable-rain-jacket", "wrap-dress"] },
  { handle: "new-arrivals", title: "New arrivals", description: "Just landed.", products: ["relaxed-hoodie", "trail-runner"] },
  { handle: "accessories", title: "Accessories", description: "Finishing touches.", products: ["wool-beanie", "leather-belt", "polarized-sunglasses", "canvas-tote", "gold-hoops"] },
];

const cents = (dollars: number) => Math.round(dollars * 100);

function combinations(options: Record<string, string[]>): { name: string; value: string }[][] {
  return Object.entries(options).reduce<{ name: string; value: string }[][]>(
    (combos, [name, values]) => combos.flatMap((combo) => values.map((value) => [...combo, { name, value }])),
    [[]],
  );
}

export function seedProducts(ids: IdSequence, clock: SeedClock): ProductRecord[] {
  return PRODUCTS.map((spec, index) => {
    const options = spec.options ?? { Title: ["Default Title"] };
    const variants: VariantRecord[] = combinations(options).map((selectedOptions) => {
      const title = selectedOptions.map((o) => o.value).join(" / ");
      const price = typeof spec.price === "number" ? spec.price : spec.price[title];
      if (price === undefined) throw new Error(`No price for ${spec.handle} ${title}`);
      return {
        id: ids.take("ProductVariant"),
        title,
        sku: spec.options
          ? `${spec.sku}-${selectedOptions
              .map((o) => o.value.replace(/[^A-Za-z0-9]/g, ""))
              .join("-")
              .toUpperCase()}`
          : spec.sku,
        priceCents: cents(price),
        compareAtPriceCents: spec.compareAt ? cents(spec.compareAt) : null,
        selectedOptions,
        inventoryQuantity: spec.giftCard ? 0 : 10 + ((index * 7) % 40),
        requiresShipping: !spec.giftCard,
      };
    });
    return {
      id: ids.take("Product"),
      handle: spec.handle,
      title: spec.title,
      productType: spec.type,
      vendor: spec.vendor,
      tags: spec.tags,
      isGiftCard: spec.giftCard ?? false,
      status: "ACTIVE",
      descriptionHtml: `<p>${spec.title} from ${spec.vendor}.</p>`,
      options: Object.entries(options).map(([name, values]) => ({ name, values })),
      variants,
      imageId: ids.take("MediaImage"),
      createdAt: clock.ago(700 - index * 20),
      updatedAt: clock.ago(30 - index),
    };
  });
}

export function seedCollections(ids: IdSequence, clock: SeedClock, products: ProductRecord[]): CollectionRecord[] {
  return COLLECTIONS.map((spec) => ({
    id: ids.take("Collection"),
    handle: spec.handle,
    title: spec.title,
    description: spec.description,
    productIds: spec.products.map((handle) => {
      const product = products.find((p) => p.handle === handle);
      if (!product) throw new Error(`Collection ${spec.handle} names unknown product ${handle}`);
      return product.id;
    }),
    updatedAt: clock.ago(60),
  }));
}
