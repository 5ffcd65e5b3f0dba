import "@shopify/shopify-app-remix/adapters/node";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";

import prisma from "./db.server";
import { env } from "./env.server";
import { recordInstall } from "./features/setup/Shop.server";
import { libraryLogger } from "./shopify/library-log.server";
import { offlineSessionCache } from "./shopify/offline-session-cache.server";
import { configureShopifyTiming, withShopifyTimeout } from "./shopify/shopify-timing.server";

// Every request the library sends Shopify (GraphQL, token exchange) gets Resolve's timeout. The node adapter
// imported above has just set the fetch the library uses; the library reads it whenever it makes a client.
configureShopifyTiming({ requestTimeoutMs: env.SHOPIFY_TIMEOUT_MS });
setAbstractFetchFunc(withShopifyTimeout(abstractFetch));

/**
 * The one shopifyApp() instance. Managed installation (scopes live in shopify.app.toml) with token
 * exchange, so there is no OAuth redirect and no shop-domain login form (an App Store rule); GraphQL only.
 */
const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: ApiVersion.October26,
  scopes: env.SCOPES?.split(",").map((scope) => scope.trim()),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: offlineSessionCache.wrap(new PrismaSessionStorage(prisma)),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  logger: libraryLogger(env.SHOPIFY_LOG_LEVEL),
  future: {
    unstable_newEmbeddedAuthStrategy: true,
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstall(session.shop, session.scope);
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = ApiVersion.October26;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const sessionStorage = shopify.sessionStorage;
