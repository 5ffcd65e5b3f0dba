/** The signed-in shopper's recent orders, newest first: only what the order list shows. */
export const CustomerOrders = `#graphql
  query CustomerOrders($customerId: ID!, $first: Int!) {
    customer(id: $customerId) {
      id
      orders(first: $first, sortKey: PROCESSED_AT, reverse: true) {
        pageInfo {
          hasNextPage
        }
        nodes {
          id
          name
          processedAt
          cancelledAt
          displayFulfillmentStatus
          currentSubtotalLineItemsQuantity
          currentTotalPriceSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
          fulfillments(first: 10) {
            status
            displayStatus
          }
        }
      }
    }
  }
`;
