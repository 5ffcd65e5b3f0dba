/**
 * The variants a returned line can be exchanged for: every variant of the lines' products (21 each, so 20 remain
 * once the variant bought is left out). Asked only when the policy offers exchanges, for the eligible lines.
 */
export const ExchangeVariants = `#graphql
  query ExchangeVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        variants(first: 21) {
          nodes {
            id
            title
            availableForSale
          }
        }
      }
    }
  }
`;
