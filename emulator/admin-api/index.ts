import { randomUUID } from "node:crypto";
import { Lookup, type RequestContext } from "./context";
import { prepare, run } from "./execute";
import { FaultQueue, serverErrorBody, type Fault } from "./faults";
import { liquidSpellings } from "./metafield-namespaces";
import { loadState, saveState } from "./persistence";
import { ADMIN_API_VERSION } from "./schema";
import { createSeedState, DEMO_SHOP, type ShopProfile } from "./seed/index";
import type { EmulatorState } from "./state";
import { ThrottleBucket } from "./throttle";
import type { ShopifyGraphQLError } from "./validate";

export type { Fault } from "./faults";
export type { EmulatorState } from "./state";
export { validateDocument } from "./validate";
export { ADMIN_API_VERSION } from "./schema";
export { DEMO_SHOP, type ShopProfile } from "./seed/index";

export interface AdminApiOptions {
  /** Reference time of the seed's relative dates, and the clock of new records. Default: now. */
  now?: Date;
  /** Optional JSON persistence of state across restarts: loaded if present, saved after each change. */
  stateFile?: string;
  /** The app's API key (client id), answered as `App.apiKey`. */
  apiKey?: string;
  /** The shop this Admin API is (its domain, name, seeded ids and emails). Default: the demo shop. */
  shop?: ShopProfile;
  /** Refuse requests with THROTTLED when the leaky bucket is empty (off by default: see throttle.ts). */
  enforceRateLimit?: boolean;
}

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AdminApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface AdminApi {
  shopDomain: string;
  /** One POST to /admin/api/2026-10/graphql.json. */
  handle(body: GraphQLRequestBody): Promise<AdminApiResponse>;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Back to the seed (same reference time); saved when a state file is used. */
  reset(): void;
  readonly state: EmulatorState;
  setThemeFile(themeRole: "MAIN", filename: string, content: string): void;
  /** namespace → key → metafield, under every spelling Liquid's `app.metafields[...]` accepts. */
  appDataMetafields(): Record<string, Record<string, { type: string; value: string }>>;
}

const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

export function createAdminApi(options: AdminApiOptions = {}): AdminApi {
  const seedTime = options.now ?? new Date();
  const apiKey = options.apiKey ?? "emulator-api-key";
  const clock = () => options.now ?? new Date();
  const profile = options.shop ?? DEMO_SHOP;
  const seed = () => createSeedState(seedTime, apiKey, profile);
  let state: EmulatorState = (options.stateFile && loadState(options.stateFile)) || seed();
  const faults = new FaultQueue();
  const bucket = new ThrottleBucket();

  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, state);
  };

  const respond = (status: number, body: unknown): AdminApiResponse => ({
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-request-id": randomUUID(),
      "x-shopify-api-version": ADMIN_API_VERSION,
    },
    body,
  });

  const cost = (requested: number, actual: number | null) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  });

  const throttled = (requested: number) => {
    const status = bucket.status();
    // Report a bucket too low for this query, so backoff computed from it waits a little.
    const currentlyAvailable = Math.min(status.currentlyAvailable, Math.max(0, requested - 1));
    return respond(200, {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS } }],
      extensions: {
        cost: {
          requestedQueryCost: requested,
          actualQueryCost: null,
          throttleStatus: { ...status, currentlyAvailable },
        },
      },
    });
  };

  async function handle(body: GraphQLRequestBody): Promise<AdminApiResponse> {
    try {
      return await answer(body);
    } catch (error) {
      // A bug in the emulator, not a Shopify behaviour: answer like Shopify's 500 but say what broke.
      const message = error instanceof Error ? error.message : String(error);
      return respond(500, { errors: `Internal Server Error (emulator: ${message})` });
    }
  }

  async function answer(body: GraphQLRequestBody): Promise<AdminApiResponse> {
    if (body === null || typeof body !== "object")
      return respond(400, { errors: "Invalid request body: expected a JSON object" });
    const { query, operationName } = body;
    if (typeof query !== "string" || query.trim() === "")
      return respond(400, { errors: "Required parameter missing or invalid: query" });
    let variables: unknown = body.variables ?? {};
    if (typeof variables === "string") {
      try {
        variables = JSON.parse(variables || "{}");
      } catch {
        return respond(400, { errors: "Invalid variables: not JSON" });
      }
    }
    if (variables === null || typeof variables !== "object" || Array.isArray(variables))
      return respond(400, { errors: "Invalid variables: expected a JSON object" });
    if (operationName !== undefined && operationName !== null && typeof operationName !== "string")
      return respond(400, { errors: "Invalid operationName" });

    const prepared = prepare(query, variables as Record<string, unknown>, operationName ?? null);
    const name = "operation" in prepared ? (prepared.operation.name?.value ?? null) : (operationName ?? null);
    const { latencyMs, failure } = faults.take(name);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (failure?.kind === "throttled") return throttled(prepared.requestedCost);
    if (failure?.kind === "server-error") return respond(failure.status ?? 500, serverErrorBody(failure.status ?? 500));

    if (!("operation" in prepared))
      return respond(200, { errors: prepared.errors, extensions: cost(prepared.requestedCost, 0) });
    if (options.enforceRateLimit && !bucket.canAfford(prepared.requestedCost)) return throttled(prepared.requestedCost);

    let changed = false;
    const ctx: RequestContext = {
      state,
      lookup: new Lookup(state),
      now: clock,
      searchWarnings: [],
      changed: () => {
        changed = true;
        ctx.lookup = new Lookup(state);
      },
    };
    const result = await run(prepared, ctx);
    if (changed) persist();
    bucket.spend(result.actualCost);
    const extensions: Record<string, unknown> = cost(prepared.requestedCost, result.actualCost);
    if (ctx.searchWarnings.length > 0) extensions.search = ctx.searchWarnings;
    const responseBody: { data: unknown; errors?: ShopifyGraphQLError[]; extensions: Record<string, unknown> } = {
      data: result.data,
      extensions,
    };
    if (result.errors) responseBody.errors = result.errors;
    return respond(200, responseBody);
  }

  return {
    shopDomain: profile.domain,
    handle,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    reset() {
      state = seed();
      faults.clear();
      bucket.reset();
      persist();
    },
    get state() {
      return state;
    },
    setThemeFile(themeRole, filename, content) {
      const theme = state.themes.find((t) => t.role === themeRole);
      if (!theme) throw new Error(`No ${themeRole} theme`);
      const now = clock().toISOString();
      const existing = theme.files.find((f) => f.filename === filename);
      if (existing) {
        existing.content = content;
        existing.updatedAt = now;
      } else {
        theme.files.push({ filename, content, createdAt: now, updatedAt: now });
      }
      theme.updatedAt = now;
      persist();
    },
    appDataMetafields() {
      const out: Record<string, Record<string, { type: string; value: string }>> = {};
      for (const metafield of state.appMetafields) {
        for (const namespace of liquidSpellings(metafield.namespace, state.app.id)) {
          out[namespace] ??= {};
          out[namespace][metafield.key] = { type: metafield.type, value: metafield.value };
        }
      }
      return out;
    },
  };
}
