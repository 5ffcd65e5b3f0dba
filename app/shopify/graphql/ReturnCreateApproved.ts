/** A shopper's return the policy approves at once: Shopify opens it (OPEN). */
export const ReturnCreateApproved = `#graphql
  mutation ReturnCreateApproved($input: ReturnInput!) {
    returnCreate(returnInput: $input) {
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
