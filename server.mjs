#!/usr/bin/env node
// `npm start`: the production server. remix-serve's setup (static assets, compression, the Remix handler) plus the
// one thing remix-serve cannot give the app: the socket's peer address, which the rate limits need when no proxy in
// front of the app writes X-Forwarded-For (TRUSTED_PROXY_HOPS=0; docs/decisions/0008-client-address-and-rate-limits.md).
// The access log names the path only: query strings carry app-proxy signatures and customer ids.
//
// Usage: node server.mjs <server build> (default build/index.js). PORT (default 3000) and HOST as remix-serve reads them.
import fs from "node:fs";
import path from "node:path";
import url from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";

const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Built scripts and stylesheets are fingerprinted (cached for a year) and brotli-compressed at build time
// (scripts/build.mjs): ~15% fewer bytes than gzip and no compression work per request. A browser that does not take
// brotli gets the file gzipped on the fly by compression().
const assets = express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" });
const brotliFiles = new Set(
  fs
    .readdirSync(build.assetsBuildDirectory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".br"))
    .map((file) => `/${file.slice(0, -".br".length).split(path.sep).join("/")}`),
);
app.use(build.publicPath, (request, response, next) => {
  if (brotliFiles.has(request.path)) {
    response.vary("Accept-Encoding");
    if (request.acceptsEncodings("br") === "br") {
      response.type(path.extname(request.path));
      response.setHeader("Content-Encoding", "br");
      request.url = `${request.path}.br`;
    }
  }
  assets(request, response, next);
});
app.use(express.static("public", { maxAge: "1h" }));
app.use((request, response, next) => {
  const started = performance.now();
  response.on("finish", () => {
    const ms = (performance.now() - started).toFixed(1);
    console.log(`${request.method} ${request.path} ${response.statusCode} ${ms} ms`);
  });
  next();
});
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (request) => ({ socketAddress: request.socket.remoteAddress }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const onListen = () => console.log(`[resolve] http://${process.env.HOST ?? "localhost"}:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(console.error));
