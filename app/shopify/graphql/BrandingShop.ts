/** What the branding page needs from Shopify: the shop (for the preview) and its published languages. */
export const BrandingShop = `#graphql
  query BrandingShop {
    shop {
      name
      myshopifyDomain
      contactEmail
      currencyCode
    }
    shopLocales(published: true) {
      locale
      name
      primary
    }
  }
`;
