#!/usr/bin/env node
// `npm start`: the production server. remix-serve's setup (static assets, compression, the Remix handler) plus the
// one thing remix-serve cannot give the app: the socket's peer address, which the rate limits need when no proxy in
// front of the app writes X-Forwarded-For (TRUSTED_PROXY_HOPS=0; docs/decisions/0008-client-address-and-rate-limits.md).
// The access log names the path only: query strings carry app-proxy signatures and customer ids.
//
// Usage: node server.mjs <server build> (default build/index.js). PORT (default 3000) and HOST as remix-serve reads them.
// WEB_CONCURRENCY=N (default 1: one process, as before) runs N server processes sharing the port (node:cluster): one
// Node process uses one core, so set it to the number of cores. What the app keeps in memory may differ between them
// for at most a few seconds (README, "Scaling out").
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";

const processes = Number(process.env.WEB_CONCURRENCY ?? 1);
if (!Number.isInteger(processes) || processes < 1) {
  console.error(`[resolve] WEB_CONCURRENCY must be a whole number, 1 or more (got "${process.env.WEB_CONCURRENCY}")`);
  process.exit(1);
}
if (processes > 1 && cluster.isPrimary) runServerProcesses(processes);
else await serve();

/**
 * The primary process serves nothing: it starts `count` server processes, replaces one that dies after it was
 * listening (one that dies before, e.g. on a bad setting, stops them all: a replacement would die the same way),
 * and passes SIGTERM/SIGINT on to them.
 */
function runServerProcesses(count) {
  let stopping = false;
  const listening = new Set();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    const crashed = !stopping;
    if (crashed && listening.has(worker.id)) {
      console.error(`[resolve] server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      cluster.fork();
    } else if (crashed) {
      console.error(`[resolve] server process ${worker.process.pid} exited (${signal ?? code}) while starting`);
      process.exitCode = code || 1;
      stop();
    }
    listening.delete(worker.id);
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  });
  const stop = () => {
    stopping = true;
    // Each process stops accepting, finishes what it is answering and exits; killing it would cut answers off.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.disconnect();
  };
  for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, stop);
  for (let started = 0; started < count; started += 1) cluster.fork();
}

/** One server process: the Remix build behind express, as remix-serve sets it up. */
async function serve() {
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
}
