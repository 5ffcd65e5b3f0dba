import { describe, expect, it } from "vitest";

import { renderMarkdown, sanitizeStorefrontHtml } from "./render-markdown.server";

describe("merchant Markdown for the storefront", () => {
  it("keeps the formatting a merchant writes", () => {
    const html = renderMarkdown(
      "## Refunds\n\nWe refund within **5 days**. See [our policy](https://shop.example/policy).\n\n- one\n- two",
    );
    expect(html).toContain("<h3>Refunds</h3>");
    expect(html).toContain("<strong>5 days</strong>");
    expect(html).toContain('<a href="https://shop.example/policy" rel="noopener noreferrer">our policy</a>');
    expect(html).toContain("<li>one</li>");
  });

  it.each([
    ["a script", "<script>alert(1)</script>Hello", /<script|alert\(1\)/],
    ["an event handler", '<img src=x onerror="alert(1)">Hi <b onclick="alert(1)">there</b>', /onerror|onclick|<img/],
    ["a javascript: link", '[click](javascript:alert(1)) and <a href="javascript:alert(1)">x</a>', /javascript:/],
    [
      "a style payload",
      '<p style="position:fixed;inset:0">cover</p><style>body{display:none}</style>',
      /style|display:none/,
    ],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /iframe/],
  ])("makes %s inert", (_name, markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });

  it("sanitizes HTML that did not come from Markdown", () => {
    expect(sanitizeStorefrontHtml('<p onmouseover="x()">Hi</p><svg onload="x()"></svg>')).toBe("<p>Hi</p>");
  });
});
