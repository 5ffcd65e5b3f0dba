export const ShopTimezone = `#graphql
  query ShopTimezone {
    shop {
      ianaTimezone
    }
  }
`;
