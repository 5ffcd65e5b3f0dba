import {
  getNamedType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/*
 * Shopify's query cost (shopify.dev/docs/api/usage/limits, "cost calculation"): scalars and enums
 * 0, objects 1, connections 2 plus the page size times the cost of one node, mutation fields 10.
 * The requested cost is computed before execution from the page sizes asked for; the actual cost
 * from what was returned. An approximation: Shopify's own numbers can differ by a few points.
 */
export const MAX_QUERY_COST = 1000;
const MUTATION_COST = 10;
const CONNECTION_BASE_COST = 2;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Walking returned data (actual cost) rather than the query alone (requested cost). */
  actual: boolean;
}

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown>,
  data?: unknown,
): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const walk: Walk = {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables,
    actual: data !== undefined,
  };
  if (walk.actual && (data === null || typeof data !== "object")) return 0;
  return selectionCost(walk, operation.selectionSet, root, data, operation.operation === "mutation");
}

/** The fields selected on `parent`, with fragments flattened (type conditions are not narrowed). */
function fieldsOf(walk: Walk, selectionSet: SelectionSetNode): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const set =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : walk.fragments.get(selection.name.value)?.selectionSet;
    return set ? fieldsOf(walk, set) : [];
  });
}

function fieldDef(walk: Walk, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if ("getFields" in parent) {
    const own = parent.getFields()[name];
    if (own || isObjectType(parent)) return own;
  }
  // A union, or an interface selected through a fragment on a member (`nodes { ... on Product { variants } }`):
  // look the field up on its members.
  for (const member of walk.schema.getPossibleTypes(parent)) {
    const found = member.getFields()[name];
    if (found) return found;
  }
  return undefined;
}

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  data: unknown,
  isMutationRoot = false,
): number {
  if (walk.actual && (data === null || typeof data !== "object")) return 0;
  let total = 0;
  for (const node of fieldsOf(walk, selectionSet)) {
    if (node.name.value.startsWith("__") || !node.selectionSet) continue;
    const field = fieldDef(walk, parent, node.name.value);
    if (!field) continue;
    const value = walk.actual ? (data as Record<string, unknown>)[node.alias?.value ?? node.name.value] : undefined;
    if (walk.actual && (value === null || value === undefined)) continue;
    total += fieldCost(walk, node, field, value, isMutationRoot);
  }
  return total;
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  value: unknown,
  isMutationRoot: boolean,
): number {
  const named = getNamedType(field.type);
  if (isLeafType(named) || !isCompositeType(named) || !node.selectionSet) return 0;
  if (isObjectType(named) && named.name.endsWith("Connection") && named.getFields().edges)
    return connectionCost(walk, node, named, value);
  const own = isMutationRoot ? MUTATION_COST : 1;
  const listType = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (isListType(listType)) {
    if (!walk.actual)
      return Math.max(1, pageSize(walk, node) ?? 1) * (1 + selectionCost(walk, node.selectionSet, named, undefined));
    const items = Array.isArray(value) ? value : [];
    return items.reduce<number>(
      (sum, item) => sum + 1 + (item ? selectionCost(walk, node.selectionSet!, named, item) : 0),
      0,
    );
  }
  return own + selectionCost(walk, node.selectionSet, named, value);
}

function pageSize(walk: Walk, node: FieldNode): number | undefined {
  for (const name of ["first", "last"]) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    const raw =
      arg.value.kind === Kind.VARIABLE
        ? walk.variables[arg.value.name.value]
        : arg.value.kind === Kind.INT
          ? Number(arg.value.value)
          : undefined;
    if (typeof raw === "number") return raw;
  }
  return undefined;
}

// `edges { node }` and `nodes` are two views of the same items: cost one item once, by the larger selection.
function connectionCost(walk: Walk, node: FieldNode, connection: GraphQLCompositeType, value: unknown): number {
  let perItem = 0;
  let actual = 0;
  for (const child of fieldsOf(walk, node.selectionSet!)) {
    const field = fieldDef(walk, connection, child.name.value);
    if (!field || !child.selectionSet) continue;
    const itemType = getNamedType(field.type);
    if (!isCompositeType(itemType)) continue;
    const returned = walk.actual
      ? (value as Record<string, unknown>)[child.alias?.value ?? child.name.value]
      : undefined;
    if (child.name.value === "nodes") {
      perItem = Math.max(perItem, 1 + selectionCost(walk, child.selectionSet, itemType, undefined));
      if (Array.isArray(returned))
        actual = Math.max(
          actual,
          returned.reduce<number>((sum, item) => sum + 1 + selectionCost(walk, child.selectionSet!, itemType, item), 0),
        );
    } else if (child.name.value === "edges") {
      const nodeField = fieldsOf(walk, child.selectionSet).find((f) => f.name.value === "node");
      const nodeType = getNamedType(fieldDef(walk, itemType, "node")?.type);
      if (!nodeField?.selectionSet || !nodeType || !isCompositeType(nodeType)) continue;
      perItem = Math.max(perItem, 1 + selectionCost(walk, nodeField.selectionSet, nodeType, undefined));
      if (Array.isArray(returned)) {
        const key = nodeField.alias?.value ?? "node";
        actual = Math.max(
          actual,
          returned.reduce<number>(
            (sum, edge) =>
              sum + 1 + selectionCost(walk, nodeField.selectionSet!, nodeType, (edge as Record<string, unknown>)[key]),
            0,
          ),
        );
      }
    }
  }
  return CONNECTION_BASE_COST + (walk.actual ? actual : (pageSize(walk, node) ?? 0) * perItem);
}
