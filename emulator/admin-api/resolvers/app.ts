import { createHash } from "node:crypto";
import { connection, type ConnectionArgs } from "../connection";
import type { RequestContext } from "../context";
import { gid } from "../ids";
import { resolveNamespace } from "../metafield-namespaces";
import type { AppRecord, MetafieldRecord } from "../state";
import { uint64, type View } from "./common";

export function appInstallationView(app: AppRecord): View {
  const metafieldsOf = (ctx: RequestContext) => ctx.state.appMetafields;
  return {
    __typename: "AppInstallation",
    id: gid("AppInstallation", app.installationId),
    launchUrl: `https://admin.shopify.com/store/resolve-demo/apps/${app.handle}`,
    uninstallUrl: null,
    accessScopes: app.accessScopes.map((handle) => ({ handle, description: handle.replace(/_/g, " ") })),
    activeSubscriptions: [],
    app: () => appView(app),
    metafield: ({ namespace, key }: { namespace?: string | null; key: string }, ctx: RequestContext) => {
      const stored = resolveNamespace(namespace, app.id);
      const found = metafieldsOf(ctx).find((m) => m.namespace === stored && m.key === key);
      return found ? metafieldView(found, app) : null;
    },
    metafields: (args: ConnectionArgs & { namespace?: string | null; keys?: string[] | null }, ctx: RequestContext) => {
      const namespace =
        args.namespace === undefined || args.namespace === null ? null : resolveNamespace(args.namespace, app.id);
      const matching = metafieldsOf(ctx).filter(
        (m) =>
          (namespace === null || m.namespace === namespace) &&
          (!args.keys ||
            args.keys.some(
              (k) => k === `${m.namespace}.${m.key}` || resolvedKey(k, app.id) === `${m.namespace}.${m.key}`,
            )),
      );
      return connection(matching, args, { key: (m) => m.id, view: (m) => metafieldView(m, app) });
    },
  };
}

// `keys` entries are "namespace.key"; the namespace part may use the `$app` spelling.
function resolvedKey(namespacedKey: string, appId: number): string {
  const dot = namespacedKey.lastIndexOf(".");
  if (dot === -1) return namespacedKey;
  return `${resolveNamespace(namespacedKey.slice(0, dot), appId)}.${namespacedKey.slice(dot + 1)}`;
}

export function appView(app: AppRecord): View {
  return {
    __typename: "App",
    id: gid("App", app.id),
    title: app.title,
    handle: app.handle,
    apiKey: app.apiKey,
    embedded: true,
    published: false,
    developerName: "Resolve",
    installation: () => appInstallationView(app),
  };
}

/** Shopify's compareDigest is opaque; any digest that changes with the value serves optimistic locking. */
export function compareDigest(metafield: MetafieldRecord): string {
  return createHash("sha256")
    .update(`${metafield.namespace}.${metafield.key}:${metafield.updatedAt}:${metafield.value}`)
    .digest("hex");
}

function jsonValue(metafield: MetafieldRecord): unknown {
  if (metafield.type === "json" || metafield.type.startsWith("list.")) return JSON.parse(metafield.value) as unknown;
  if (metafield.type === "number_integer") return Number(metafield.value);
  if (metafield.type === "boolean") return metafield.value === "true";
  return metafield.value;
}

export function metafieldView(metafield: MetafieldRecord, app: AppRecord): View {
  return {
    __typename: "Metafield",
    id: gid("Metafield", metafield.id),
    legacyResourceId: uint64(metafield.id),
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: () => jsonValue(metafield),
    compareDigest: compareDigest(metafield),
    sizeInBytes: Buffer.byteLength(metafield.value, "utf8"),
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
    // App-data metafields belong to the app installation, whose owner type Shopify calls API_PERMISSION.
    ownerType: "API_PERMISSION",
    owner: () => appInstallationView(app),
    definition: null,
    reference: null,
  };
}
