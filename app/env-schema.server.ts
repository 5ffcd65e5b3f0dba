import { z } from "zod";

const required = (hint: string) => z.string({ error: hint }).min(1, hint);

/**
 * Every setting Resolve reads from the environment. A missing or malformed value stops the server with a
 * message naming the variable, instead of failing later on the first request that needs it.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  SHOPIFY_API_KEY: required("the app's client ID (Partner Dashboard, or set by `shopify app dev`)"),
  SHOPIFY_API_SECRET: required("the app's client secret (Partner Dashboard, or set by `shopify app dev`)"),
  SHOPIFY_APP_URL: z.url({ error: "the public https URL of this app, e.g. https://resolve.example.com" }),
  SCOPES: z.string().optional(),
  /** SQLite file (`file:./prisma/dev.sqlite`, the default) or a PostgreSQL URL (`postgres://…`). */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "a SQLite `file:` URL or a `postgres://` URL")
    .default("file:./prisma/dev.sqlite"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  /** Optional: new contact requests are emailed to the merchant through this server (`smtp://user:pass@host:587`). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "an `smtp://` or `smtps://` URL")
    .optional(),
  NOTIFY_FROM: z.email().optional(),
  NOTIFY_TO: z.email().optional(),
  /**
   * Optional: a name for this server that `/healthz` answers with, so whoever started it can tell it from another
   * program on the same port (the demo sets a random one on each start). Public: never put a secret here.
   */
  INSTANCE_ID: z.string().max(100).optional(),
  /**
   * How many proxies in front of the app append to `X-Forwarded-For`, Shopify's app proxy included: 1 when Shopify
   * reaches the app directly, 2 behind one load balancer that appends, 0 when nothing is in front (the socket's peer
   * is the client). The shopper's address is read that many entries from the right (platform/client-address.server.ts).
   */
  TRUSTED_PROXY_HOPS: z.string().regex(/^\d$/, "a number of proxies from 0 to 9").default("1").transform(Number),
  /** How long one request to Shopify may take before it counts as failed (milliseconds). */
  SHOPIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  /** How much the Shopify library logs: `info` (the default) names the shop; `debug` to diagnose auth, still redacted. */
  SHOPIFY_LOG_LEVEL: z.enum(["error", "warning", "info", "debug"]).default("info"),
  /** Only the local emulator sets this: where its App Bridge stand-in is served. */
  APP_BRIDGE_URL: z.url().optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const value = source[name];
      const detail = value === undefined || value === "" ? "is missing" : "is invalid";
      return `  - ${name} ${detail}: expected ${issue.message}`;
    });
    throw new Error(
      `Resolve cannot start: check its configuration (README.md, "Configuration").\n${problems.join("\n")}`,
    );
  }
  return result.data;
}
