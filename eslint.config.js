import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
  {
    // App code never reaches into the emulator: it is a stand-in for Shopify, for dev and tests only.
    // Tests beside the code may use it: it is Shopify's test double (STYLE.md).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/emulator/**", "**/emulator"], message: "The app must not depend on the emulator." }],
        },
      ],
    },
  },
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
