/**
 * The live theme's JSON templates, section groups and settings: where an app block or app embed appears once
 * the merchant adds it in the theme editor. `after` pages through themes with many templates.
 */
export const MainThemeFiles = `#graphql
  query MainThemeFiles($after: String) {
    currentAppInstallation {
      app {
        handle
      }
    }
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(
          first: 50
          after: $after
          filenames: ["templates/*.json", "sections/*.json", "config/settings_data.json"]
        ) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText {
                content
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;
