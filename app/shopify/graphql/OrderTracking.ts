/**
 * One order's tracking, found by a search (`name:1001`, scoped with `customer_id:` for a signed-in shopper).
 * No address, phone or last name is asked for: what is never fetched cannot leak. `email` is fetched only so
 * a guest's lookup can be checked against it.
 */
export const OrderTracking = `#graphql
  query OrderTracking($query: String!) {
    orders(first: 2, query: $query, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        name
        email
        processedAt
        cancelledAt
        displayFulfillmentStatus
        customer {
          id
          firstName
        }
        currentTotalPriceSet {
          presentmentMoney {
            amount
            currencyCode
          }
        }
        lineItems(first: 25) {
          pageInfo {
            hasNextPage
          }
          nodes {
            id
            title
            variantTitle
            quantity
            currentQuantity
            unfulfilledQuantity
            nonFulfillableQuantity
            requiresShipping
            image {
              url
              altText
            }
          }
        }
        fulfillments(first: 4) {
          id
          name
          status
          displayStatus
          createdAt
          inTransitAt
          deliveredAt
          estimatedDeliveryAt
          trackingInfo(first: 3) {
            company
            number
            url
          }
          fulfillmentLineItems(first: 15) {
            nodes {
              quantity
              lineItem {
                id
              }
            }
          }
          events(first: 10, sortKey: HAPPENED_AT, reverse: true) {
            nodes {
              status
              happenedAt
              message
              city
              province
              country
            }
          }
        }
      }
    }
  }
`;
