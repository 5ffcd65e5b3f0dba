import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * What merchant-written HTML may contain once it reaches a storefront (docs/storefront-snapshot.md): text
 * structure and links, nothing that runs or restyles the page. No style, class or event attributes; links
 * only to http(s) and mailto, opening safely.
 */
const STOREFRONT_HTML: sanitizeHtml.IOptions = {
  allowedTags: ["p", "a", "strong", "em", "ul", "ol", "li", "h3", "h4", "br", "blockquote", "code"],
  // `rel` is set by transformTags below (which runs before this allow-list), whatever the merchant wrote.
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Headings inside an answer sit below the block's own headings.
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
  },
};

/** Sanitizes HTML for the storefront. */
export function sanitizeStorefrontHtml(html: string): string {
  return sanitizeHtml(html, STOREFRONT_HTML);
}

/** Merchant Markdown → sanitized HTML for the storefront. Raw HTML in the Markdown is sanitized too. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return sanitizeStorefrontHtml(html);
}
