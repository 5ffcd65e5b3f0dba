export const HomeSummary = `#graphql
  query HomeSummary($recentOrders: String!) {
    shop {
      name
      myshopifyDomain
    }
    ordersCount(query: $recentOrders, limit: 10000) {
      count
      precision
    }
  }
`;
