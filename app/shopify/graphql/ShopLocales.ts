export const ShopLocales = `#graphql
  query ShopLocales {
    shopLocales(published: true) {
      locale
      name
      primary
      published
    }
  }
`;
