import { describe, expect, it } from "vitest";

import { clientAddress, rateLimitSource } from "./client-address.server";

const request = (forwardedFor?: string) =>
  new Request("https://resolve.example.com/proxy/lookup", {
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  });

describe("the shopper's address", () => {
  it("is what Shopify's proxy wrote, however the client filled the header in before it", () => {
    expect(clientAddress(request("203.0.113.7"), {}, 1)).toBe("203.0.113.7");
    expect(clientAddress(request("1.2.3.4, 10.0.0.1, 203.0.113.7"), {}, 1)).toBe("203.0.113.7");
  });

  it("counts the load balancers in front of the app from the right", () => {
    // Shopify wrote the client; the load balancer appended Shopify's egress address.
    expect(clientAddress(request("6.6.6.6, 203.0.113.7, 34.1.2.3"), { socketAddress: "10.0.0.2" }, 2)).toBe(
      "203.0.113.7",
    );
  });

  it("is the socket's peer when nothing is in front of the app, or the header is shorter than promised", () => {
    expect(clientAddress(request("6.6.6.6"), { socketAddress: "::ffff:198.51.100.4" }, 0)).toBe("198.51.100.4");
    expect(clientAddress(request("203.0.113.7"), { socketAddress: "198.51.100.4" }, 2)).toBe("198.51.100.4");
    expect(clientAddress(request(), { socketAddress: "198.51.100.4" }, 1)).toBe("198.51.100.4");
    expect(clientAddress(request("not-an-ip"), {}, 1)).toBe("unknown");
  });

  it("reads bracketed and port-suffixed forms", () => {
    expect(clientAddress(request("[2001:db8::1]:443"), {}, 1)).toBe("2001:db8::1");
    expect(clientAddress(request("203.0.113.7:5123"), {}, 1)).toBe("203.0.113.7");
  });

  it("gives one IPv6 household (its /64) one counter, and keeps IPv4 addresses apart", () => {
    expect(rateLimitSource("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitSource("2001:db8:1:2:ffff:ffff:ffff:1")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitSource("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
    expect(rateLimitSource("2001:db8:1:3::1")).not.toBe(rateLimitSource("2001:db8:1:2::1"));
    expect(rateLimitSource("203.0.113.7")).toBe("203.0.113.7");
  });
});
