import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";

import { serverErrorLine } from "./server-error-log.server";

// What a shopper's order looks like in a Shopify answer that came back with errors (a partial result).
const ORDER = {
  name: "#1001",
  email: "emma.johnson@example.com",
  customer: { id: "gid://shopify/Customer/7300000001" },
};

describe("an error as the server log prints it", () => {
  it("names its kind, first message line and where it was thrown, never Shopify's answer it carries", () => {
    const error = new GraphqlQueryError({
      message: "GraphQL query returned errors",
      response: { data: { order: ORDER } },
      body: { data: { order: ORDER }, errors: { graphQLErrors: [{ message: "Internal error" }] } },
    });
    const line = serverErrorLine(error);
    expect(line).toMatch(/^GraphqlQueryError: GraphQL query returned errors\n\s+at /);
    expect(line).not.toMatch(/emma\.johnson|7300000001|#1001/);
  });

  it("keeps the first line of a message whose next lines quote data", () => {
    const error = new HttpResponseError({
      message: `Received an error response (500 Internal Server Error) from Shopify:\n${JSON.stringify(ORDER)}`,
      code: 500,
      statusText: "Internal Server Error",
      body: ORDER,
    });
    const line = serverErrorLine(new Error("Loading the order failed", { cause: error }));
    expect(line).toContain("Error: Loading the order failed");
    expect(line).toContain("caused by HttpResponseError: Received an error response (500 Internal Server Error)");
    expect(line).not.toMatch(/emma\.johnson|7300000001/);
  });

  it("redacts a session token or proxy credentials in the first line", () => {
    const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI5MDIxMCJ9.c2lnbmF0dXJl";
    const line = serverErrorLine(new Error(`Bad request /proxy/orders?logged_in_customer_id=73&id_token=${token}`));
    expect(line).toContain("Error: Bad request /proxy/orders?");
    expect(line).not.toMatch(/eyJ|customer_id=73/);
  });

  it("prints the error inside Remix's own 404, and only the status of a thrown response", () => {
    const notFound = {
      status: 404,
      statusText: "Not Found",
      internal: true,
      data: "",
      error: new Error('No route matches URL "/x"'),
    };
    expect(serverErrorLine(notFound)).toMatch(/^Error: No route matches URL "\/x"/);
    expect(serverErrorLine(new Response("secret body", { status: 400 }))).toBe("Thrown response 400");
  });
});
