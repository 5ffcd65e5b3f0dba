// RESOLVE_BUILD_DIR puts a build elsewhere than build/ and public/build/, so parallel test runs
// (several worktrees or engineers on one machine) do not overwrite each other's build.
const buildDir = process.env.RESOLVE_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ...(buildDir ? { serverBuildPath: `${buildDir}/index.js`, assetsBuildDirectory: `${buildDir}/public/build` } : {}),
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // Polaris ships CSS that the server bundle must see to hand out its URL. Bundling Polaris means bundling
  // the library's AppProvider with it, so both use one Polaris (one i18n context), not two copies.
  serverDependenciesToBundle: [/^@shopify\/polaris/, /^@shopify\/shopify-app-remix\/react/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
