/**
 * The order's newest returns as Shopify holds them, with what identifies a return Resolve filed (ADR 0007): when
 * it was created, its lines' fulfillment line items and quantities, and the note Resolve wrote on every line.
 */
export const OrderReturnsForFiling = `#graphql
  query OrderReturnsForFiling($id: ID!) {
    order(id: $id) {
      id
      returns(first: 10, reverse: true) {
        nodes {
          id
          status
          createdAt
          returnLineItems(first: 20) {
            nodes {
              quantity
              customerNote
              returnReasonNote
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;
