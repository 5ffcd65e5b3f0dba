import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { jwtVerify } from "jose";

import { z } from "zod";

import { createAdminApi, type AdminApi, type Fault } from "./admin-api";
import { renderAdminFrame } from "./admin-frame";
import { mintSessionToken } from "./session-token";
import { signAppProxyParams, signWebhookBody } from "./signing";
import { extensionAssetsDir, renderStorefrontPage } from "./storefront";

/**
 * The local Shopify: Admin GraphQL, token exchange, the admin frame, the storefront with the app proxy,
 * and webhook delivery, on one port. Dev and test only; the app never imports it.
 *
 * It hosts the demo shop and any shop added with `addShop` (POST /_emulator/shops), each with its own data and
 * access tokens. Which shop a request is for is read as Shopify reads it: the Admin API and token exchange from
 * the shop's domain in the URL (shopify-fetch.mjs passes it on as X-Emulator-Shop), the storefront from its host
 * (`<handle>.localhost:<port>` stands for `<handle>.myshopify.com`), the admin frame and the control endpoints
 * from `?shop=`. Anything that names no shop is for the demo shop, so a one-shop caller sees what it always did.
 */
export interface EmulatorOptions {
  port?: number;
  /** Where the app listens, e.g. http://localhost:3000. */
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Scopes granted by token exchange (those of shopify.app.toml). */
  scopes: string;
  stateFile?: string;
  now?: Date;
}

export type ProxyFault = "bad-signature" | "stale-timestamp" | "missing-signature" | "foreign-shop";

const here = path.dirname(fileURLToPath(import.meta.url));
const API_VERSION = "2026-10";
const PROXY_PREFIX = "/apps/resolve";
/** Shopify's answer to a request without a valid access token for the shop it is sent to. */
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
/** Ids of the nth added shop start this far above the demo shop's, so no id of one names anything in another. */
const SHOP_ID_STRIDE = 1_000_000;

const shopDomainSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,59}\.myshopify\.com$/, "a shop domain such as other-store.myshopify.com");
const newShopSchema = z.object({ shop: shopDomainSchema, name: z.string().trim().min(1).max(100).optional() });

/** One shop the emulator hosts: its Admin API (and so its data) and the access tokens it accepts. */
export interface HostedShop {
  domain: string;
  adminApi: AdminApi;
  /** Its access token of each kind; a token issued for another shop is refused with Shopify's 401. */
  accessToken(kind: "offline" | "online"): string;
}

export async function startEmulator(options: EmulatorOptions) {
  const appOrigin = new URL(options.appUrl).origin;
  const hostShop = (adminApi: AdminApi): HostedShop => ({
    domain: adminApi.shopDomain,
    adminApi,
    // Derived from the secret, so sessions the app stored survive an emulator restart, as they would a deploy.
    accessToken: (kind) =>
      `shpat_emulator_${createHmac("sha256", options.apiSecret).update(`${adminApi.shopDomain}:${kind}`).digest("hex").slice(0, 32)}`,
  });
  const demoShop = hostShop(createAdminApi({ now: options.now, stateFile: options.stateFile }));
  const shop = demoShop.domain;
  const shops = new Map<string, HostedShop>([[shop, demoShop]]);
  const proxyFaults: ProxyFault[] = [];
  let baseUrl = "";

  /** Another shop beside the demo shop, seeded like it with its own ids and shoppers; the same one when it exists. */
  function addShop(domain: string, name?: string): HostedShop {
    const existing = shops.get(domain);
    if (existing) return existing;
    const handle = domain.replace(/\.myshopify\.com$/, "");
    const adminApi = createAdminApi({
      now: options.now,
      shop: { domain, name: name ?? handle, idOffset: shops.size * SHOP_ID_STRIDE, emailDomain: `${handle}.example` },
    });
    const hosted = hostShop(adminApi);
    shops.set(domain, hosted);
    return hosted;
  }

  /** The shop a request names (see the module comment), null when it names one the emulator does not host. */
  function shopOf(request: http.IncomingMessage, url: URL): HostedShop | null {
    const header = request.headers["x-emulator-shop"];
    const named = typeof header === "string" ? header : url.searchParams.get("shop");
    if (named) return shops.get(named) ?? null;
    const hostname = (request.headers.host ?? "").replace(/:\d+$/, "");
    if (hostname.endsWith(".myshopify.com")) return shops.get(hostname) ?? null;
    if (hostname.endsWith(".localhost"))
      return shops.get(`${hostname.slice(0, -".localhost".length)}.myshopify.com`) ?? null;
    return demoShop;
  }

  /** Where a shop's storefront is: the emulator's own address for the demo shop, `<handle>.localhost` for others. */
  function storefrontOrigin(hosted: HostedShop): string {
    if (hosted === demoShop) return baseUrl;
    const url = new URL(baseUrl);
    url.hostname = `${hosted.domain.replace(/\.myshopify\.com$/, "")}.localhost`;
    return url.origin;
  }

  /** The URL the admin loads in its iframe: the app's /app with a fresh session token, as Shopify sends it. */
  async function embeddedAppUrl(shop = demoShop.domain) {
    const token = await mintSessionToken({ shop, apiKey: options.apiKey, apiSecret: options.apiSecret });
    const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url");
    const url = new URL("/app", options.appUrl);
    url.search = new URLSearchParams({ embedded: "1", shop, host, id_token: token, locale: "en" }).toString();
    return url.toString();
  }

  async function tokenExchange(request: http.IncomingMessage, hosted: HostedShop) {
    const shop = hosted.domain;
    const raw = await readBody(request);
    const parsed = String(request.headers["content-type"]).includes("json")
      ? safeJson(raw)
      : Object.fromEntries(new URLSearchParams(raw));
    const params = (typeof parsed === "object" && parsed ? parsed : {}) as Record<string, string | undefined>;
    if (params.client_id !== options.apiKey || params.client_secret !== options.apiSecret) {
      return json(400, { error: "invalid_client", error_description: "Client credentials are invalid" });
    }
    try {
      await jwtVerify(params.subject_token ?? "", new TextEncoder().encode(options.apiSecret), {
        audience: options.apiKey,
        issuer: `https://${shop}/admin`,
      });
    } catch {
      return json(400, {
        error: "invalid_subject_token",
        error_description: "The session token is invalid or expired",
      });
    }
    const online = params.requested_token_type?.endsWith(":online-access-token") ?? false;
    const token = hosted.accessToken(online ? "online" : "offline");
    return json(200, {
      access_token: token,
      scope: options.scopes,
      ...(online
        ? {
            expires_in: 86_399,
            associated_user_scope: options.scopes,
            associated_user: {
              id: 90210,
              first_name: "Demo",
              last_name: "Merchant",
              email: "merchant@example.com",
              account_owner: true,
              locale: "en",
              collaborator: false,
              email_verified: true,
            },
          }
        : {}),
    });
  }

  async function graphql(request: http.IncomingMessage, version: string, hosted: HostedShop) {
    if (version !== API_VERSION) {
      return json(404, { errors: `The emulator serves Admin API ${API_VERSION} only (asked for ${version})` });
    }
    const token = request.headers["x-shopify-access-token"];
    if (typeof token !== "string" || ![hosted.accessToken("offline"), hosted.accessToken("online")].includes(token)) {
      return json(401, { errors: INVALID_TOKEN });
    }
    const body = safeJson(await readBody(request));
    const result = await hosted.adminApi.handle(typeof body === "object" && body ? body : {});
    return {
      status: result.status,
      headers: { "content-type": "application/json", ...result.headers },
      body: JSON.stringify(result.body),
    };
  }

  /** Forwards a storefront request under /apps/resolve to the app, signed as Shopify's app proxy signs it. */
  async function appProxy(request: http.IncomingMessage, url: URL, shop: string, customerId: string): Promise<Reply> {
    const fault = proxyFaults.shift();
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      params[key] = values.length > 1 ? values : values[0]!;
    }
    Object.assign(params, {
      shop: fault === "foreign-shop" ? "another-store.myshopify.com" : shop,
      logged_in_customer_id: customerId,
      path_prefix: PROXY_PREFIX,
      timestamp: String(Math.floor(Date.now() / 1000) - (fault === "stale-timestamp" ? 3600 : 0)),
    });
    let signature = signAppProxyParams(params, options.apiSecret);
    if (fault === "bad-signature") signature = signature.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    if (fault !== "missing-signature") params.signature = signature;
    const target = new URL(`/proxy${url.pathname.slice(PROXY_PREFIX.length)}`, options.appUrl);
    for (const [key, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : [value]) target.searchParams.append(key, item);
    }
    const method = request.method ?? "GET";
    const hasBody = !["GET", "HEAD"].includes(method);
    const response = await fetch(target, {
      method,
      headers: {
        "content-type": request.headers["content-type"] ?? "application/octet-stream",
        // The shopper's address as Shopify reports it. Tests stand for shoppers on different networks by sending
        // their own X-Forwarded-For (its first address wins), so rate limits per IP can be exercised apart.
        "x-forwarded-for":
          String(request.headers["x-forwarded-for"] ?? "")
            .split(",")[0]
            ?.trim() ||
          (request.socket.remoteAddress ?? "127.0.0.1"),
        accept: request.headers.accept ?? "*/*",
        "accept-language": request.headers["accept-language"] ?? "",
      },
      body: hasBody ? await readBody(request) : undefined,
      redirect: "manual",
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(key))
        headers[key] = value;
    });
    return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** Delivers a webhook to the app as Shopify does, with a valid HMAC unless told otherwise. */
  async function deliverWebhook(
    topic: string,
    payload: unknown,
    init: { webhookId?: string; badHmac?: boolean; shop?: string } = {},
  ) {
    const body = JSON.stringify(payload);
    const hmac = signWebhookBody(body, init.badHmac ? `${options.apiSecret}-wrong` : options.apiSecret);
    const uri = webhookUris().get(topic);
    if (!uri) throw new Error(`shopify.app.toml subscribes to no webhook topic ${topic}`);
    const response = await fetch(new URL(uri, options.appUrl), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": topic,
        "x-shopify-hmac-sha256": hmac,
        "x-shopify-shop-domain": init.shop ?? shop,
        "x-shopify-api-version": API_VERSION,
        "x-shopify-webhook-id": init.webhookId ?? randomUUID(),
        "x-shopify-event-id": randomUUID(),
        "x-shopify-triggered-at": new Date().toISOString(),
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  async function control(request: http.IncomingMessage, url: URL): Promise<Reply> {
    const body = ((request.method === "GET" ? {} : safeJson(await readBody(request))) ?? {}) as Record<string, unknown>;
    if (`${request.method} ${url.pathname}` === "POST /_emulator/shops") {
      const parsed = newShopSchema.safeParse(body);
      if (!parsed.success) return json(400, { error: "invalid_shop", issues: parsed.error.issues });
      const added = addShop(parsed.data.shop, parsed.data.name);
      return json(200, {
        shop: added.domain,
        storefrontUrl: `${storefrontOrigin(added)}/pages/help`,
        adminUrl: `${baseUrl}/admin?shop=${added.domain}`,
        embeddedAppUrl: await embeddedAppUrl(added.domain),
      });
    }
    // Every other control acts on one shop: `shop` in the body or the query, else the demo shop.
    const target = typeof body.shop === "string" ? (shops.get(body.shop) ?? null) : shopOf(request, url);
    if (!target) return json(404, { error: "No such shop in the emulator" });
    const adminApi = target.adminApi;
    switch (`${request.method} ${url.pathname}`) {
      case "POST /_emulator/reset":
        for (const each of shops.values()) {
          each.adminApi.reset();
          each.adminApi.clearFaults();
        }
        proxyFaults.length = 0;
        return json(200, { ok: true });
      case "POST /_emulator/faults":
        adminApi.injectFault(body as unknown as Fault);
        return json(200, { ok: true });
      case "DELETE /_emulator/faults":
        for (const each of shops.values()) each.adminApi.clearFaults();
        proxyFaults.length = 0;
        return json(200, { ok: true });
      case "POST /_emulator/proxy-faults":
        proxyFaults.push(body.kind as ProxyFault);
        return json(200, { ok: true });
      case "PUT /_emulator/theme-file":
        adminApi.setThemeFile("MAIN", String(body.filename), String(body.content));
        return json(200, { ok: true });
      case "GET /_emulator/metafields":
        return json(200, adminApi.appDataMetafields());
      case "GET /_emulator/returns": {
        // What the merchant's Shopify admin lists as returns of one order (`?order=%231022`).
        const order = adminApi.state.orders.find((candidate) => candidate.name === url.searchParams.get("order"));
        if (!order) return json(404, { error: "No such order" });
        return json(
          200,
          adminApi.state.returns
            .filter((entry) => entry.orderId === order.id)
            .map(({ name, status, lineItems }) => ({ name, status, lineItems })),
        );
      }
      case "GET /_emulator/session-token":
        return json(200, {
          token: await mintSessionToken({ shop: target.domain, apiKey: options.apiKey, apiSecret: options.apiSecret }),
        });
      case "POST /_emulator/webhooks": {
        const result = await deliverWebhook(String(body.topic), body.payload ?? {}, {
          webhookId: typeof body.webhookId === "string" ? body.webhookId : undefined,
          badHmac: body.badHmac === true,
          shop: target.domain,
        });
        return json(200, result);
      }
      default:
        return json(404, { error: "Unknown emulator control endpoint" });
    }
  }

  function storefrontLocales(adminApi: AdminApi) {
    const locales = adminApi.state.shopLocales.filter((locale) => locale.published);
    const primary = locales.find((locale) => locale.primary)?.locale ?? locales[0]?.locale ?? "en";
    return {
      primary,
      published: [primary, ...locales.map((locale) => locale.locale).filter((code) => code !== primary)],
    };
  }

  /** Shopify serves other languages under a prefix: /fr/pages/help. Returns the locale and the path without it. */
  function splitLocale(pathname: string, adminApi: AdminApi) {
    const { primary, published } = storefrontLocales(adminApi);
    const prefix = pathname.split("/")[1] ?? "";
    if (prefix !== primary && published.includes(prefix))
      return { locale: prefix, path: pathname.slice(prefix.length + 1) || "/" };
    return { locale: primary, path: pathname };
  }

  async function storefront(
    request: http.IncomingMessage,
    url: URL,
    page: { locale: string; path: string },
    hosted: HostedShop,
  ): Promise<Reply> {
    const { locale, path: pagePath } = page;
    const adminApi = hosted.adminApi;
    const { primary, published } = storefrontLocales(adminApi);
    // The shopper switch: ?customer=<id|guest> signs in or out (a cookie stands for Shopify's customer
    // session), ?locale=xx goes to that language's URL.
    if (url.searchParams.has("customer") || url.searchParams.has("locale")) {
      const customer = url.searchParams.get("customer");
      const wanted = url.searchParams.get("locale");
      const target = wanted && published.includes(wanted) ? wanted : locale;
      const headers: Record<string, string | string[]> = {
        location: target === primary ? pagePath : `/${target}${pagePath}`,
      };
      if (customer !== null)
        headers["set-cookie"] = [`emulator_customer=${encodeURIComponent(customer)}; Path=/; SameSite=Lax`];
      return { status: 303, headers, body: "" };
    }
    const state = adminApi.state;
    const signedIn = parseCookies(request.headers.cookie).emulator_customer;
    const customer = state.customers.find((c) => String(c.id) === signedIn) ?? null;
    const html = await renderStorefrontPage({
      shop: {
        name: state.shop.name,
        domain: hosted.domain,
        currency: state.shop.currencyCode,
        email: state.shop.contactEmail,
      },
      locale,
      availableLocales: published,
      customer: customer ? { id: customer.id, firstName: customer.firstName, email: customer.email } : null,
      customers: state.customers.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` })),
      appMetafields: adminApi.appDataMetafields(),
      path: url.pathname,
      // ?resolve_block=off: the same page without the app block, as a theme without it (for benchmarks).
      appBlock: url.searchParams.get("resolve_block") !== "off",
      // ?launcher=on: the merchant turned on the "Help launcher" app embed (it shows on every page).
      helpLauncher: url.searchParams.get("launcher") === "on",
    });
    return {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
      body: html,
    };
  }

  /** Shopify's customer sign-in, reduced to choosing a demo customer; returns to `return_url` as Shopify does. */
  function accountLogin(url: URL, adminApi: AdminApi): Reply {
    const returnUrl = url.searchParams.get("return_url") ?? "/pages/help";
    const safeReturn = returnUrl.startsWith("/") && !returnUrl.startsWith("//") ? returnUrl : "/pages/help";
    const chosen = url.searchParams.get("customer");
    if (chosen && adminApi.state.customers.some((c) => String(c.id) === chosen)) {
      return {
        status: 303,
        headers: {
          location: safeReturn,
          "set-cookie": `emulator_customer=${encodeURIComponent(chosen)}; Path=/; SameSite=Lax`,
        },
        body: "",
      };
    }
    const options = adminApi.state.customers
      .map((c) => `<option value="${c.id}">${escapeHtml(`${c.firstName} ${c.lastName} (${c.email})`)}</option>`)
      .join("");
    return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in – ${escapeHtml(adminApi.state.shop.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;line-height:1.5}select,button{font:inherit;min-height:2.5rem;margin-block:.25rem}</style></head>
<body><main><h1>Sign in</h1><p>The local Shopify emulator signs you in as one of the demo shop's customers.</p>
<form method="get" action="/account/login"><input type="hidden" name="return_url" value="${escapeHtml(safeReturn)}">
<label for="customer">Customer</label><br><select id="customer" name="customer">${options}</select><br>
<button type="submit">Sign in</button></form></main></body></html>`);
  }

  async function route(request: http.IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? "/", baseUrl);
    const method = request.method ?? "GET";
    const graphqlPath = url.pathname.match(/^\/admin\/api\/([^/]+)\/graphql\.json$/);
    if (url.pathname.startsWith("/_emulator/")) return control(request, url);
    const hosted = shopOf(request, url);
    if (!hosted) return json(404, { errors: "Not Found" });
    if (method === "POST" && graphqlPath) return graphql(request, graphqlPath[1]!, hosted);
    if (method === "POST" && url.pathname === "/admin/oauth/access_token") return tokenExchange(request, hosted);
    const page = splitLocale(url.pathname, hosted.adminApi);
    if (page.path === PROXY_PREFIX || page.path.startsWith(`${PROXY_PREFIX}/`)) {
      // The cookie stands for the shopper's session on this shop's storefront; whatever id it holds is signed as
      // `logged_in_customer_id` for this shop, so tests can present another shop's customer id to the app.
      const customerId = parseCookies(request.headers.cookie).emulator_customer ?? "";
      const proxied = new URL(url);
      proxied.pathname = page.path;
      return appProxy(request, proxied, hosted.domain, /^\d+$/.test(customerId) ? customerId : "");
    }
    if (method !== "GET" && method !== "HEAD") return json(405, { error: "Method not allowed" });
    if (page.path === "/pages/help" || page.path === "/store") return storefront(request, url, page, hosted);
    if (page.path === "/account/login") return accountLogin(url, hosted.adminApi);
    switch (url.pathname) {
      case "/favicon.ico":
        return { status: 204, headers: {}, body: "" };
      case "/":
        return { status: 302, headers: { location: "/admin" }, body: "" };
      case "/admin": {
        return html(
          renderAdminFrame({
            shopName: hosted.adminApi.state.shop.name,
            appSrc: await embeddedAppUrl(hosted.domain),
            appOrigin,
            storefrontUrl: hosted === demoShop ? "/pages/help" : `${storefrontOrigin(hosted)}/pages/help`,
          }),
        );
      }
      case "/admin/session-token": {
        const token = await mintSessionToken({
          shop: hosted.domain,
          apiKey: options.apiKey,
          apiSecret: options.apiSecret,
        });
        return {
          ...json(200, { token }),
          headers: {
            "content-type": "application/json",
            "access-control-allow-origin": appOrigin,
            "cache-control": "no-store",
          },
        };
      }
      case "/app-bridge.js":
        return {
          status: 200,
          headers: { "content-type": "text/javascript; charset=utf-8", "access-control-allow-origin": "*" },
          body: fs.readFileSync(path.join(here, "app-bridge/app-bridge.js")),
        };
      default:
        if (url.pathname.startsWith("/extensions/self-service/assets/"))
          return asset(url.pathname.split("/").pop() ?? "");
        return json(404, { error: "Not found in the local Shopify emulator" });
    }
  }

  const server = http.createServer((request, response) => {
    route(request)
      .catch((error: unknown) => {
        console.error("[emulator]", error);
        return json(500, { errors: "Internal Server Error" });
      })
      .then((reply) => {
        response.writeHead(reply.status, reply.headers);
        response.end(request.method === "HEAD" ? undefined : reply.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  baseUrl = `http://localhost:${typeof address === "object" && address ? address.port : options.port}`;

  return {
    url: baseUrl,
    /** The demo shop's domain and Admin API. */
    shop,
    adminApi: demoShop.adminApi,
    addShop,
    /** A hosted shop by domain (undefined when the emulator does not host it). */
    hostedShop: (domain: string) => shops.get(domain),
    deliverWebhook,
    embeddedAppUrl,
    injectProxyFault: (fault: ProxyFault) => proxyFaults.push(fault),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

/** topic → uri, from the [[webhooks.subscriptions]] of shopify.app.toml, as Shopify reads them. */
export function webhookUris(
  toml = fs.readFileSync(path.join(here, "../shopify.app.toml"), "utf8"),
): Map<string, string> {
  const uris = new Map<string, string>();
  for (const block of toml.split("[[webhooks.subscriptions]]").slice(1)) {
    const uri = block.match(/^\s*uri\s*=\s*"([^"]+)"/m)?.[1];
    const topics = [...block.matchAll(/^\s*(?:compliance_)?topics\s*=\s*\[([^\]]*)\]/gm)].flatMap((match) =>
      [...match[1]!.matchAll(/"([^"]+)"/g)].map((topic) => topic[1]!),
    );
    if (uri) for (const topic of topics) uris.set(topic, uri);
  }
  return uris;
}

function json(status: number, body: unknown): Reply {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function html(body: string): Reply {
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body };
}

function asset(name: string): Reply {
  const file = path.join(extensionAssetsDir, path.basename(name));
  if (!fs.existsSync(file)) return json(404, { error: "No such asset" });
  const type = name.endsWith(".css")
    ? "text/css"
    : name.endsWith(".js")
      ? "text/javascript"
      : "application/octet-stream";
  return { status: 200, headers: { "content-type": `${type}; charset=utf-8` }, body: fs.readFileSync(file) };
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name) cookies[name] = decodeURIComponent(value.join("="));
  }
  return cookies;
}
