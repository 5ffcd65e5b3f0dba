import { GraphqlQueryError, HttpInternalError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";

import { callShopify, ShopifyUnavailableError } from "./call-shopify.server";

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
