/**
 * Branding facts the admin's browser code needs too (the branding page's form): no server code here, so the
 * page can import it. The model (Branding.server.ts) validates with the same numbers.
 */

export const PORTAL_MODULES = ["tracking", "returns", "faq", "contact"] as const;
export type PortalModule = (typeof PORTAL_MODULES)[number];

export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

export const CONTACT_OPTIONS = ["email", "orderRequired"] as const;
export type ContactOption = (typeof CONTACT_OPTIONS)[number];

export const BRANDING_LIMITS = { heading: 80, intro: 300, radiusMin: 0, radiusMax: 32 } as const;

/** A shop language as Shopify spells it: `en`, `fr`, `pt-BR`, `zh-TW`. */
export const LOCALE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
