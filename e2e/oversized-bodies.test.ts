import fs from "node:fs";
import http from "node:http";

import { describe, expect, inject, it } from "vitest";

import { DEMO_API_KEY, DEMO_API_SECRET } from "../emulator/demo";
import { mintSessionToken } from "../emulator/session-token";
import { signAppProxyParams } from "../emulator/signing";

/**
 * Oversized bodies against the app built for production: every route family answers 413 after reading no more
 * than its limit, with or without a Content-Length, and the server's memory stays flat whatever is sent.
 * These requests go straight to the app, as Shopify's webhooks and app proxy reach it.
 */

const demo = inject("demo");
const MB = 1024 * 1024;
/** Well under every body sent here: a server that buffered any of them whole would grow by far more. */
const FLAT_MEMORY_MB = 64;

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface Answer {
  status: number;
  text: string;
  seconds: number;
  /** How far the upload had got when the answer came. */
  sentMb: number;
  /** The app server's resident memory growth while it handled the request. */
  growthMb: number;
}

/**
 * Uploads `sizeMb` of filler as a client would (1 MB writes, waiting when the socket is full), chunked unless
 * `declareLength`, and stops sending once the answer arrives, as a browser or curl does.
 */
function upload(
  path: string,
  init: { sizeMb: number; declareLength: boolean; headers?: Record<string, string> },
): Promise<Answer> {
  const url = new URL(path, demo.appUrl);
  const started = Date.now();
  const before = residentMb(demo.appPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(demo.appPid))), 10);
  const chunk = Buffer.alloc(MB, "a");
  let sent = 0;
  return new Promise<Answer>((resolve, reject) => {
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: {
        ...init.headers,
        ...(init.declareLength ? { "content-length": String(init.sizeMb * MB) } : { "transfer-encoding": "chunked" }),
      },
    });
    request.on("response", (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (data: string) => (text += data));
      response.on("end", () => {
        clearInterval(sampler);
        peak = Math.max(peak, residentMb(demo.appPid));
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          text,
          seconds: (Date.now() - started) / 1000,
          sentMb: sent / MB,
          growthMb: peak - before,
        });
      });
    });
    request.on("error", (error) => {
      if (!answered) {
        clearInterval(sampler);
        reject(error);
      }
    });
    const write = () => {
      while (!answered && sent < init.sizeMb * MB) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!answered) request.end();
    };
    write();
  });
}

function signedProxyPath(path: string) {
  const params: Record<string, string> = {
    shop: demo.shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/resolve",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  params.signature = signAppProxyParams(params, DEMO_API_SECRET);
  return `/proxy${path}?${new URLSearchParams(params)}`;
}

async function adminHeaders(contentType: string) {
  const token = await mintSessionToken({ shop: demo.shop, apiKey: DEMO_API_KEY, apiSecret: DEMO_API_SECRET });
  return { authorization: `Bearer ${token}`, "content-type": contentType };
}

const bogusWebhook = {
  "content-type": "application/json",
  "x-shopify-topic": "app/uninstalled",
  "x-shopify-hmac-sha256": "bm90IHRoZSByZWFsIGhtYWM=",
  "x-shopify-shop-domain": demo.shop,
  "x-shopify-api-version": "2026-10",
  "x-shopify-webhook-id": "oversized-test",
};

function report(label: string, answer: Answer) {
  console.log(
    `${label}: ${answer.status} in ${answer.seconds.toFixed(2)} s, ${answer.sentMb} MB sent, server +${answer.growthMb.toFixed(0)} MB`,
  );
}

describe.each([
  { declareLength: true, how: "with Content-Length" },
  { declareLength: false, how: "chunked" },
])("an oversized body $how", ({ declareLength }) => {
  it("to a webhook, with a bogus HMAC, is refused 413 before the HMAC is checked", async () => {
    const answer = await upload("/webhooks/app/uninstalled", { sizeMb: 300, declareLength, headers: bogusWebhook });
    report("webhook 300 MB bogus HMAC", answer);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ error: "Webhook payload larger than 1 MB" });
    expect(answer.sentMb).toBeLessThan(150);
    expect(answer.growthMb).toBeLessThan(FLAT_MEMORY_MB);
  });

  it("to the storefront API, signed, is refused 413 invalid_input", async () => {
    const answer = await upload(signedProxyPath("/contact"), {
      sizeMb: 400,
      declareLength,
      headers: { "content-type": "application/json" },
    });
    report("storefront 400 MB signed", answer);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ error: "invalid_input" });
    expect(answer.sentMb).toBeLessThan(200);
    expect(answer.growthMb).toBeLessThan(FLAT_MEMORY_MB);
  });

  it("to an admin action is refused 413 with a message for the merchant", async () => {
    const answer = await upload("/app/policy", {
      sizeMb: 200,
      declareLength,
      headers: await adminHeaders("application/json"),
    });
    report("admin action 200 MB", answer);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("the form is larger than 4 MB");
    expect(answer.sentMb).toBeLessThan(100);
    expect(answer.growthMb).toBeLessThan(FLAT_MEMORY_MB);
  });

  it("to the FAQ import is refused 413 with the file-too-large problem", async () => {
    const answer = await upload("/app/faq/import.data", {
      sizeMb: 200,
      declareLength,
      headers: await adminHeaders("multipart/form-data; boundary=----resolve"),
    });
    report("CSV import 200 MB", answer);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("tooLarge");
    expect(answer.sentMb).toBeLessThan(100);
    expect(answer.growthMb).toBeLessThan(FLAT_MEMORY_MB);
  });
});
