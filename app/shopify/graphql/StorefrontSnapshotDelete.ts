/** Removes content values of locales the shop no longer publishes. */
export const StorefrontSnapshotDelete = `#graphql
  mutation StorefrontSnapshotDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;
