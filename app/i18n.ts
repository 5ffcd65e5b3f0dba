import en from "./locales/en.json";

/** Admin strings: English is complete; other admin languages add a file of the same shape. */
export const adminText = en;

/** Fills `{name}` placeholders in an admin string. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
