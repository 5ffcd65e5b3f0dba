import { idOf, gid } from "../ids";
import { connection, type ConnectionArgs } from "../connection";
import type { RequestContext } from "../context";
import { matchText, search, type SearchSpec } from "../search";
import type { CollectionRecord, ProductRecord, VariantRecord } from "../state";
import { moneyV2 } from "../money";
import { notModelled, count, firstOf, uint64, type View } from "./common";

const PALETTE = ["#2f5d62", "#5e8b7e", "#a7c4bc", "#c97b63", "#e0b872", "#6b4e71", "#3d5a80", "#98c1d9"];

/**
 * Product images are small inline SVGs, so the demo renders pictures with no network and no CDN.
 */
export function productImage(product: ProductRecord): View {
  const color = PALETTE[product.id % PALETTE.length] ?? "#333";
  const initials = product.title
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0])
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600"><rect width="600" height="600" fill="${color}"/><text x="300" y="340" font-family="sans-serif" font-size="160" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return {
    __typename: "Image",
    id: gid("ProductImage", product.imageId),
    url: `data:image/svg+xml,${encodeURIComponent(svg)}`,
    altText: product.title,
    width: 600,
    height: 600,
    thumbhash: null,
  };
}

export function productView(product: ProductRecord): View {
  return {
    __typename: "Product",
    id: gid("Product", product.id),
    legacyResourceId: uint64(product.id),
    handle: product.handle,
    title: product.title,
    productType: product.productType,
    vendor: product.vendor,
    tags: product.tags,
    isGiftCard: product.isGiftCard,
    status: product.status,
    descriptionHtml: product.descriptionHtml,
    description: ({ truncateAt }: { truncateAt?: number | null }) => {
      const text = product.descriptionHtml.replace(/<[^>]+>/g, "");
      return truncateAt ? text.slice(0, truncateAt) : text;
    },
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    publishedAt: product.createdAt,
    onlineStoreUrl: null,
    templateSuffix: null,
    giftCardTemplateSuffix: null,
    tracksInventory: !product.isGiftCard,
    totalInventory: product.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0),
    hasOnlyDefaultVariant: product.variants.length === 1 && product.variants[0]?.title === "Default Title",
    hasOutOfStockVariants: product.variants.some((v) => v.inventoryQuantity <= 0),
    options: ({ first }: { first?: number | null }) =>
      firstOf(product.options, first).map((option, index) => ({
        __typename: "ProductOption",
        id: gid("ProductOption", product.id * 10 + index),
        name: option.name,
        position: index + 1,
        values: option.values,
        optionValues: option.values.map((value, k) => ({
          __typename: "ProductOptionValue",
          id: gid("ProductOptionValue", product.id * 100 + index * 10 + k),
          name: value,
          hasVariants: true,
          swatch: null,
        })),
      })),
    variants: (args: ConnectionArgs) =>
      connection(product.variants, args, { key: (v) => v.id, view: (v) => variantView(product, v) }),
    variantsCount: count(product.variants.length),
    featuredMedia: {
      __typename: "MediaImage",
      id: gid("MediaImage", product.imageId),
      alt: product.title,
      mediaContentType: "IMAGE",
      status: "READY",
      image: productImage(product),
      preview: { image: productImage(product), status: "READY" },
    },
    collections: (args: ConnectionArgs, ctx: RequestContext) => {
      const collections = ctx.state.collections.filter((c) => c.productIds.includes(product.id));
      return connection(collections, args, { key: (c) => c.id, view: collectionView });
    },
    inCollection: ({ id }: { id: string }, ctx: RequestContext) => {
      const collectionId = idOf(id, "Collection");
      return ctx.state.collections.some((c) => c.id === collectionId && c.productIds.includes(product.id));
    },
    priceRangeV2: (_args: unknown, ctx: RequestContext) => {
      const prices = product.variants.map((v) => v.priceCents);
      const currency = ctx.state.shop.currencyCode;
      return {
        minVariantPrice: moneyV2(Math.min(...prices), currency),
        maxVariantPrice: moneyV2(Math.max(...prices), currency),
      };
    },
  };
}

/** Shopify's legacy `Money` scalar is a decimal string with two places ("25.00"). */
const moneyScalar = (cents: number) => (cents / 100).toFixed(2);

export function variantView(product: ProductRecord, variant: VariantRecord): View {
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", variant.id),
    legacyResourceId: uint64(variant.id),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: null,
    price: moneyScalar(variant.priceCents),
    compareAtPrice: variant.compareAtPriceCents === null ? null : moneyScalar(variant.compareAtPriceCents),
    selectedOptions: variant.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
    position: product.variants.indexOf(variant) + 1,
    inventoryQuantity: variant.inventoryQuantity,
    availableForSale: product.isGiftCard || variant.inventoryQuantity > 0,
    taxable: !product.isGiftCard,
    requiresComponents: false,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    product: () => productView(product),
  };
}

export function collectionView(collection: CollectionRecord): View {
  return {
    __typename: "Collection",
    id: gid("Collection", collection.id),
    legacyResourceId: uint64(collection.id),
    handle: collection.handle,
    title: collection.title,
    description: collection.description,
    descriptionHtml: `<p>${collection.description}</p>`,
    updatedAt: collection.updatedAt,
    templateSuffix: null,
    image: null,
    sortOrder: "MANUAL",
    productsCount: count(collection.productIds.length),
    hasProduct: ({ id }: { id: string }) => collection.productIds.includes(idOf(id, "Product") ?? -1),
    products: (args: ConnectionArgs, ctx: RequestContext) => {
      const products = collection.productIds
        .map((id) => ctx.lookup.products.get(id))
        .filter((p): p is ProductRecord => p !== undefined);
      return connection(products, args, { key: (p) => p.id, view: productView });
    },
  };
}

const PRODUCT_SEARCH: SearchSpec<ProductRecord> = {
  fields: {
    title: (p, t) => matchText(p.title, t),
    handle: (p, t) => matchText(p.handle, t),
    product_type: (p, t) => matchText(p.productType, t),
    vendor: (p, t) => matchText(p.vendor, t),
    tag: (p, t) => p.tags.some((tag) => matchText(tag, t)),
    tag_not: (p, t) => !p.tags.some((tag) => matchText(tag, t)),
    sku: (p, t) => p.variants.some((v) => matchText(v.sku, t)),
    gift_card: (p, t) => String(p.isGiftCard) === t.value.toLowerCase(),
    status: (p, t) => t.value.split(",").some((s) => s.trim().toUpperCase() === p.status),
    id: (p, t) => String(p.id) === t.value,
  },
  text: (p) => [p.title, p.handle, p.productType, p.vendor, ...p.tags],
};

const PRODUCT_SORT: Record<string, (a: ProductRecord, b: ProductRecord) => number> = {
  ID: (a, b) => a.id - b.id,
  TITLE: (a, b) => a.title.localeCompare(b.title),
  PRODUCT_TYPE: (a, b) => a.productType.localeCompare(b.productType) || a.id - b.id,
  VENDOR: (a, b) => a.vendor.localeCompare(b.vendor) || a.id - b.id,
  CREATED_AT: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  UPDATED_AT: (a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id,
};

export function searchProducts(
  ctx: RequestContext,
  query: string | null | undefined,
  path: (string | number)[],
): ProductRecord[] {
  const warnings: { field: string; message: string }[] = [];
  const found = search(ctx.state.products, query, PRODUCT_SEARCH, (w) => warnings.push(w));
  if (warnings.length && query) ctx.searchWarnings.push({ path, query, warnings });
  return found;
}

export function sortProducts(products: ProductRecord[], sortKey: string | null | undefined): ProductRecord[] {
  const compare = PRODUCT_SORT[sortKey ?? "ID"];
  if (!compare) throw notModelled(`products(sortKey: ${sortKey})`);
  return [...products].sort(compare);
}
