/**
 * What deciding a return needs about one order (the eligibility service's input): each line's quantities,
 * prices and product rules, each fulfillment's line items and delivery, the order's returns, and the shop's
 * timezone. No address, phone or email is asked for. The line's variant and product ids find its exchange options.
 */
export const ReturnableOrder = `#graphql
  query ReturnableOrder($id: ID!) {
    shop {
      ianaTimezone
    }
    order(id: $id) {
      id
      name
      customer {
        id
      }
      currentTotalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
        presentmentMoney {
          amount
          currencyCode
        }
      }
      lineItems(first: 20) {
        nodes {
          id
          title
          variantTitle
          quantity
          unfulfilledQuantity
          isGiftCard
          variant {
            id
          }
          originalUnitPriceSet {
            shopMoney {
              amount
              currencyCode
            }
            presentmentMoney {
              amount
              currencyCode
            }
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
              currencyCode
            }
            presentmentMoney {
              amount
              currencyCode
            }
          }
          product {
            id
            tags
            productType
            collections(first: 5) {
              nodes {
                id
              }
            }
          }
        }
      }
      fulfillments(first: 5) {
        status
        createdAt
        deliveredAt
        displayStatus
        fulfillmentLineItems(first: 20) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
      returns(first: 5) {
        nodes {
          id
          name
          status
          returnLineItems(first: 20) {
            nodes {
              quantity
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  lineItem {
                    id
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
