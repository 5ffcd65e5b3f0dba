import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";

// Types for every `#graphql` document in app/, generated from the vendored Admin API 2026-10 schema
// (emulator/schema), so codegen runs offline and matches what the emulator validates against.
const schema = "./emulator/schema/admin-2026-10.graphql";
const documents = ["./app/**/*.{ts,tsx}", "!./app/types/**"];

export default {
  schema,
  documents,
  projects: {
    default: {
      schema,
      documents,
      extensions: {
        codegen: {
          pluckConfig,
          generates: {
            "./app/types/admin.types.d.ts": { schema, plugins: ["typescript"] },
            "./app/types/admin.generated.d.ts": {
              schema,
              preset,
              presetConfig: { apiType: ApiType.Admin },
            },
          },
        },
      },
    },
  },
};
