import { GraphQLError } from "graphql";

/** Shopify's page size limit for every connection. */
export const MAX_PAGE_SIZE = 250;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface PageInfoView {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionView<Node> {
  edges: { cursor: string; node: Node }[];
  nodes: Node[];
  pageInfo: PageInfoView;
}

interface ConnectionOptions<Item, Node> {
  /** A stable key of the item (its numeric id, usually); cursors encode it. */
  key: (item: Item) => number | string;
  view: (item: Item) => Node;
  /** Shopify requires `first` or `last` on connections; a few fields (e.g. theme files) default it. */
  defaultPageSize?: number;
}

// Shopify's cursors are opaque base64 JSON like {"last_id":…,"last_value":…}; ours carry the same key.
export function encodeCursor(key: number | string): string {
  return Buffer.from(JSON.stringify({ last_id: key })).toString("base64url");
}

function decodeCursor(cursor: string): number | string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (parsed && typeof parsed === "object" && "last_id" in parsed) {
      const key = (parsed as { last_id: unknown }).last_id;
      if (typeof key === "number" || typeof key === "string") return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: "BAD_REQUEST" } });
}

function pageSize(name: "first" | "last", value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0)
    throw new GraphQLError(`${name} must be a non-negative integer`, { extensions: { code: "BAD_REQUEST" } });
  if (value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The value of ${name} must be less than or equal to ${MAX_PAGE_SIZE}`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return value;
}

/**
 * One page of `items` (already filtered and sorted) as a Relay connection, the way every Admin API
 * connection behaves: `reverse` flips the order, `after`/`before` cut at a cursor, `first`/`last` take
 * from either end, and pageInfo reports whether items exist beyond the page on either side.
 */
export function connection<Item, Node>(
  items: readonly Item[],
  args: ConnectionArgs,
  options: ConnectionOptions<Item, Node>,
): ConnectionView<Node> {
  let first = pageSize("first", args.first);
  const last = pageSize("last", args.last);
  if (first === undefined && last === undefined) {
    if (options.defaultPageSize === undefined) {
      throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
    }
    first = options.defaultPageSize;
  }
  const ordered = args.reverse ? [...items].reverse() : [...items];
  const keys = ordered.map(options.key);
  const indexOf = (cursor: string): number => {
    const key = decodeCursor(cursor);
    const index = keys.indexOf(key);
    if (index === -1) throw new GraphQLError(`Invalid cursor: ${cursor}`, { extensions: { code: "BAD_REQUEST" } });
    return index;
  };

  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : ordered.length;
  if (end < start) end = start;
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);

  const page = ordered.slice(start, end);
  const edges = page.map((item) => ({ cursor: encodeCursor(options.key(item)), node: options.view(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < ordered.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
