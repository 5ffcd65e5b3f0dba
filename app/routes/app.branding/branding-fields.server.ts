import { z } from "zod";

const FIELD_NAME =
  /^(?:accentColor|textOnAccentColor|radius|density|(?:modules|contact)\.\w+|texts\.[\w-]+\.(?:heading|intro))$/;
/** Longer than any branding field may be: a longer value is still refused as too long, without reading all of it. */
const VALUE_BOUND = 2000;

/**
 * The branding form's fields in a saved body or a preview query (`branding-draft.ts` writes them): the known
 * names with string values, each cut to a bound, for the branding model to validate; anything else is left out.
 */
export const brandingFieldsSchema = z.record(z.string(), z.unknown()).transform((body) => {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (FIELD_NAME.test(name) && typeof value === "string") fields[name] = value.slice(0, VALUE_BOUND + 1);
  }
  return fields;
});
