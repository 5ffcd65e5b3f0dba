/**
 * One page of Shopify's return reason library (the reasons a return can name). Deleted reasons are fetched
 * too, and left out by the caller: they may still sit on old returns but must not be offered again.
 */
export const ReturnReasonDefinitions = `#graphql
  query ReturnReasonDefinitions($first: Int!, $after: String) {
    returnReasonDefinitions(first: $first, after: $after) {
      nodes {
        id
        handle
        name
        deleted
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
