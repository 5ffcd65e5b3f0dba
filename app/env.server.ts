import { parseEnv } from "./env-schema.server";

/** The app's configuration, parsed once at start-up (see env-schema.server.ts). */
export const env = parseEnv(process.env);
