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
