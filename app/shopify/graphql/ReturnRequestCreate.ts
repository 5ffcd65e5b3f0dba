/** A shopper's return for the merchant to review: Shopify files it as REQUESTED. */
export const ReturnRequestCreate = `#graphql
  mutation ReturnRequestCreate($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
