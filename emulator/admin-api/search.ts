/**
 * Shopify's search syntax for the `query:` argument of list fields: space-separated terms (AND),
 * `OR` between groups, `-term`/`NOT term` to negate, `field:value`, `field:>value` (>, >=, <, <=),
 * quoted values, a trailing `*` for prefix matches, and bare words as free text. Parentheses are
 * ignored (no nested grouping). Unknown fields are ignored and reported as a warning in
 * `extensions.search`, as Shopify does.
 */
export interface SearchTerm {
  field: string | null;
  comparator: ":" | ">" | "<" | ">=" | "<=";
  value: string;
  negated: boolean;
}

export interface SearchWarning {
  path: (string | number)[];
  query: string;
  warnings: { field: string; message: string }[];
}

export interface SearchSpec<T> {
  /** Field name → does the item match the term (comparator and value)? */
  fields: Record<string, (item: T, term: SearchTerm) => boolean>;
  /** Strings a free-text word is looked for in. */
  text: (item: T) => (string | null)[];
}

function tokenize(query: string): string[] {
  return query.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
}

export function parseSearch(query: string): SearchTerm[][] {
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const raw of tokenize(query)) {
    const token = raw.replace(/^\(+|\)+$/g, "");
    if (token === "" || token === "AND") continue;
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    const negated = negateNext || (token.startsWith("-") && token.length > 1);
    negateNext = false;
    const body = token.startsWith("-") ? token.slice(1) : token;
    const match = /^([a-z_.]+):(>=|<=|>|<)?(.*)$/i.exec(body);
    const term: SearchTerm = match
      ? {
          field: match[1]!.toLowerCase(),
          comparator: (match[2] as SearchTerm["comparator"] | undefined) ?? ":",
          value: unquote(match[3] ?? ""),
          negated,
        }
      : { field: null, comparator: ":", value: unquote(body), negated };
    groups.at(-1)!.push(term);
  }
  return groups.filter((group) => group.length > 0);
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, "$2");
}

/** Items matching `query` (all items when it is empty). Unknown fields add a warning. */
export function search<T>(
  items: readonly T[],
  query: string | null | undefined,
  spec: SearchSpec<T>,
  report?: (warning: { field: string; message: string }) => void,
): T[] {
  if (!query?.trim()) return [...items];
  const groups = parseSearch(query);
  for (const term of groups.flat()) {
    if (term.field && !spec.fields[term.field])
      report?.({ field: term.field, message: "Invalid search field for this query." });
  }
  const matches = (item: T, term: SearchTerm): boolean => {
    let result: boolean;
    if (term.field === null) {
      result = spec
        .text(item)
        .some((text) => text !== null && text.toLowerCase().includes(term.value.replace(/\*$/, "").toLowerCase()));
    } else {
      const field = spec.fields[term.field];
      result = field ? field(item, term) : true;
    }
    return term.negated ? !result : result;
  };
  if (groups.length === 0) return [...items];
  return items.filter((item) => groups.some((group) => group.every((term) => matches(item, term))));
}

/** Case-insensitive equality; `value*` matches a prefix. */
export function matchText(actual: string | null | undefined, term: SearchTerm): boolean {
  if (actual === null || actual === undefined) return false;
  const a = actual.toLowerCase();
  const v = term.value.toLowerCase();
  return v.endsWith("*") ? a.startsWith(v.slice(0, -1)) : a === v;
}

export function matchNumber(actual: number, term: SearchTerm): boolean {
  const v = Number(term.value);
  if (Number.isNaN(v)) return false;
  switch (term.comparator) {
    case ">":
      return actual > v;
    case ">=":
      return actual >= v;
    case "<":
      return actual < v;
    case "<=":
      return actual <= v;
    default:
      return actual === v;
  }
}

const DAY = 86_400_000;

/** Dates compare as instants (a date alone means its UTC midnight); `field:date` means that whole UTC day. */
export function matchDate(actualIso: string | null, term: SearchTerm, now: Date): boolean {
  if (actualIso === null) return false;
  const actual = Date.parse(actualIso);
  const value = term.value.toLowerCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const instant = value === "now" ? now.getTime() : value === "today" ? today : Date.parse(term.value);
  if (Number.isNaN(instant)) return false;
  switch (term.comparator) {
    case ">":
      return actual > instant;
    case ">=":
      return actual >= instant;
    case "<":
      return actual < instant;
    case "<=":
      return actual <= instant;
    default: {
      const wholeDay = value === "today" || /^\d{4}-\d{2}-\d{2}$/.test(term.value);
      return wholeDay ? actual >= instant && actual < instant + DAY : actual === instant;
    }
  }
}
