// After `npm install`: generate both Prisma clients, and the GraphQL types when the dev tools are installed
// (a production install with --omit=dev has no codegen and needs none: types are erased at build time).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (args) => execFileSync(process.execPath, args, { stdio: "inherit" });

run(["scripts/db.mjs", "generate"]);
const codegen = "node_modules/@graphql-codegen/cli/cjs/bin.js";
if (existsSync(codegen)) run([codegen, "--silent"]);
