/**
 * Where the storefront snapshot goes (the app installation, owner of app-data metafields), the settings value
 * live now (its `hash` says which snapshot it is), and which keys exist (stale locales are deleted).
 */
export const StorefrontSnapshotTarget = `#graphql
  query StorefrontSnapshotTarget($namespace: String!) {
    currentAppInstallation {
      id
      portal: metafield(namespace: $namespace, key: "portal") {
        value
      }
      metafields(namespace: $namespace, first: 100) {
        nodes {
          key
        }
      }
    }
  }
`;
