import branding from "./locales/en/branding.json";
import common from "./locales/en/common.json";
import faq from "./locales/en/faq.json";
import home from "./locales/en/home.json";
import policy from "./locales/en/policy.json";
import requests from "./locales/en/requests.json";

/**
 * Admin strings, one file per area under locales/<language>/. English is complete; another admin
 * language adds a folder with files of the same shape.
 */
export const adminText = { ...common, home, policy, faq, branding, requests };

/** Fills `{name}` placeholders in an admin string. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** A message with a singular and a plural form, filled with the count (and any other values). */
export function formatCount(
  message: { one: string; other: string },
  count: number,
  values: Record<string, string | number> = {},
): string {
  return format(count === 1 ? message.one : message.other, { ...values, count });
}
