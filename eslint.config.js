import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const noEmulator = { group: ["**/emulator/**", "**/emulator"], message: "The app must not depend on the emulator." };
const forbid = (pattern, message) => ({ group: [pattern], message });
// What sits above the domain: pages and HTTP routes use features, never the reverse.
const edge = [
  forbid("**/routes/**", "Routes are the edge: features, platform and shopify modules never import them."),
  forbid("**/components/**", "Admin components are UI: features, platform and shopify modules never import them."),
];

const noZodInBrowser = {
  group: ["zod"],
  message: "This module runs in the merchant's browser: validate in the action, with a schema in a .server.ts module.",
};

/** One `no-restricted-imports` per folder (a later config replaces an earlier one's patterns, so each lists all). */
function layer(files, patterns, ignores = []) {
  return [
    {
      files: [files].flat(),
      ignores: ["app/**/*.test.{ts,tsx}", ...ignores],
      rules: { "no-restricted-imports": ["error", { patterns: [noEmulator, ...patterns] }] },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "app/types/**",
      "prisma/postgres/**",
      ".emulator/**",
      "bench/results/**",
      // Built from storefront/ by scripts/build-block-script.mjs (minified).
      "extensions/self-service/assets/portal.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // Module boundaries (docs/decisions/0006-module-layout.md). Layers, each importing only those before it:
  // core (app/*.server.ts, i18n) ← shopify (Admin API) ← platform (plumbing) ← features ← routes, components.
  // Every app file also stays away from the emulator: a stand-in for Shopify, for dev and tests only. Tests
  // beside the code may use it: it is Shopify's test double (STYLE.md).
  ...layer("app/**/*.{ts,tsx}", []),
  ...layer("app/shopify/**/*.{ts,tsx}", [
    forbid("**/platform/**", "app/shopify/ calls Shopify; plumbing in app/platform/ builds on it, not the reverse."),
    forbid("**/features/**", "app/shopify/ knows no feature: features call it."),
    ...edge,
  ]),
  ...layer("app/platform/**/*.{ts,tsx}", [
    forbid("**/features/**", "app/platform/ is plumbing any feature can use: it knows none of them."),
    ...edge,
  ]),
  ...layer("app/features/**/*.{ts,tsx}", edge),
  // What reaches the merchant's browser stays small: zod (≈90 KB gzip) is for actions, in `*.server.ts` modules.
  ...layer(["app/routes/app*.tsx", "app/routes/app*/**/*.{ts,tsx}"], [noZodInBrowser], ["**/*.server.ts"]),
  ...layer("app/components/**/*.{ts,tsx}", [
    noZodInBrowser,
    forbid("**/routes/**", "Shared admin components are used by routes, never the reverse."),
    // Types are erased from the browser bundle; values from a .server module are not.
    {
      group: ["**/*.server"],
      allowTypeImports: true,
      message: "Components run in the browser: import types only from .server modules.",
    },
  ]),
  {
    // The storefront API's contract is shared with the block's script: types only, importing nothing.
    files: ["app/contracts/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "Program > :not(TSInterfaceDeclaration, TSTypeAliasDeclaration, ExportNamedDeclaration), ExportNamedDeclaration > :not(TSInterfaceDeclaration, TSTypeAliasDeclaration)",
          message: "app/contracts/ holds types only: the block's script imports them.",
        },
      ],
    },
  },
  {
    // The block's script runs in shoppers' browsers: of the app it may only take the storefront API's types.
    files: ["storefront/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/contracts/*"],
              allowTypeImports: true,
              message: "Take the storefront API's types with `import type`: nothing of the app goes in the bundle.",
            },
            {
              group: ["**/app/**", "!**/app/contracts/*"],
              message: "The block's script must not depend on the app; shared types live in app/contracts/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser tests: `useBrowserSession()` sets up vitest hooks, not React ones.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Browser scripts: the App Bridge stand-in and the storefront block's script.
    files: ["emulator/app-bridge/**/*.js", "extensions/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
);
