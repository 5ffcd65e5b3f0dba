/** Sets every value of one snapshot in one call: Shopify applies a metafieldsSet call all or nothing. */
export const StorefrontSnapshotSet = `#graphql
  mutation StorefrontSnapshotSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
`;
