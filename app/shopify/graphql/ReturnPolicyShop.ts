/** What the return policy page needs to know about the shop: its currency (fixed fees), its
 * timezone (return windows are counted in it) and its collections (final sale). */
export const ReturnPolicyShop = `#graphql
  query ReturnPolicyShop($first: Int!) {
    shop {
      currencyCode
      ianaTimezone
    }
    collections(first: $first) {
      nodes {
        id
        title
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;
