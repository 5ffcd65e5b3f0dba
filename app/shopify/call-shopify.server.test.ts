import { GraphqlQueryError, HttpInternalError, HttpRequestError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";

import { callShopify, callShopifyMutation, ShopifyUnavailableError } from "./call-shopify.server";
import { configureShopifyTiming, DEFAULT_SHOPIFY_TIMING, withShopifyTimeout } from "./shopify-timing.server";

const throttled = () =>
  new GraphqlQueryError({
    message: "Throttled",
    response: {},
    body: { errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] } },
  });
const serverError = () =>
  new HttpInternalError({ message: "Internal Server Error", code: 500, statusText: "Internal Server Error" });
const fast = { attempts: 3, backoffMs: 1 };

/** A Shopify call that fails with the given errors, then answers. */
function flaky(failures: Error[]) {
  let calls = 0;
  const call = async () => {
    calls += 1;
    const failure = failures.shift();
    if (failure) throw failure;
    return "answer";
  };
  return { call, calls: () => calls };
}

describe("calling Shopify", () => {
  it("gets the answer after a throttled and a failed attempt", async () => {
    const shopify = flaky([throttled(), serverError()]);
    await expect(callShopify(shopify.call, fast)).resolves.toBe("answer");
    expect(shopify.calls()).toBe(3);
  });

  it("gives up with ShopifyUnavailableError when Shopify keeps failing", async () => {
    const shopify = flaky([throttled(), throttled(), throttled(), throttled()]);
    await expect(callShopify(shopify.call, fast)).rejects.toBeInstanceOf(ShopifyUnavailableError);
    expect(shopify.calls()).toBe(3);
  });

  it("does not retry an error retrying cannot fix, such as an invalid query", async () => {
    const invalid = new GraphqlQueryError({
      message: "Field 'nmae' doesn't exist on type 'Shop'",
      response: {},
      body: {
        errors: { graphQLErrors: [{ message: "Field 'nmae' doesn't exist", extensions: { code: "undefinedField" } }] },
      },
    });
    const shopify = flaky([invalid]);
    await expect(callShopify(shopify.call, fast)).rejects.toBe(invalid);
    expect(shopify.calls()).toBe(1);
  });

  it("lets the library's auth responses through", async () => {
    const reauthorize = new Response(null, { status: 401 });
    await expect(callShopify(() => Promise.reject(reauthorize), fast)).rejects.toBe(reauthorize);
  });
});

describe("calling a Shopify mutation that must not run twice", () => {
  it("retries while Shopify refuses it unrun (throttled), then answers", async () => {
    const shopify = flaky([throttled(), throttled()]);
    await expect(callShopifyMutation(shopify.call, fast)).resolves.toBe("answer");
    expect(shopify.calls()).toBe(3);
  });

  it("never sends it again after a failure Shopify may have carried it out through, and says so", async () => {
    for (const failure of [serverError(), new HttpRequestError("Http request error, no response available: timeout")]) {
      const shopify = flaky([failure]);
      const thrown = await callShopifyMutation(shopify.call, fast).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(ShopifyUnavailableError);
      expect((thrown as ShopifyUnavailableError).mayHaveLanded).toBe(true);
      expect(shopify.calls()).toBe(1);
    }
  });

  it("gives up as not landed when Shopify stays throttled", async () => {
    const thrown = await callShopifyMutation(flaky([throttled(), throttled(), throttled()]).call, fast).catch(
      (error: unknown) => error,
    );
    expect((thrown as ShopifyUnavailableError).mayHaveLanded).toBe(false);
  });
});

describe("Resolve's timeout on every request to Shopify", () => {
  it("aborts a request Shopify does not answer in time", async () => {
    configureShopifyTiming({ requestTimeoutMs: 100 });
    try {
      const hanging: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
      const started = Date.now();
      await expect(withShopifyTimeout(hanging)("https://shop.myshopify.com/admin")).rejects.toMatchObject({
        name: "TimeoutError",
      });
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      configureShopifyTiming(DEFAULT_SHOPIFY_TIMING);
    }
  });
});
