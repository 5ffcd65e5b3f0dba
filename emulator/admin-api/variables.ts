import {
  coerceInputValue,
  getLocation,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  print,
  typeFromAST,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { isGid } from "./ids";
import type { ShopifyGraphQLError } from "./validate";

interface Problem {
  path: (string | number)[];
  explanation: string;
}

/**
 * Checks the request's variables against the operation like Shopify does, one error per variable:
 * `Variable $id of type ID! was provided invalid value`, code INVALID_VARIABLE, with the value and
 * the problems found in it (including IDs that are not global IDs).
 */
export function variableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): ShopifyGraphQLError[] {
  const errors: ShopifyGraphQLError[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue; // validation already reported the unknown type
    const provided = Object.hasOwn(inputs, name) && inputs[name] !== undefined;
    const value = inputs[name];
    const problems: Problem[] = [];
    if (!provided || value === null) {
      if (isNonNullType(type) && !(definition.defaultValue && !provided))
        problems.push({ path: [], explanation: "Expected value to not be null" });
    } else {
      coerceInputValue(value, type, (path, invalid, error) => problems.push(explain([...path], invalid, error)));
      if (problems.length === 0) findNonGlobalIds(value, type, [], problems);
    }
    if (problems.length > 0) {
      const location = definition.loc ? getLocation(definition.loc.source, definition.loc.start) : undefined;
      errors.push({
        message: `Variable $${name} of type ${print(definition.type)} was provided invalid value`,
        ...(location ? { locations: [{ line: location.line, column: location.column }] } : {}),
        extensions: { code: "INVALID_VARIABLE", value: value ?? null, problems },
      });
    }
  }
  return errors;
}

function explain(path: (string | number)[], invalid: unknown, error: GraphQLError): Problem {
  const m = error.message;
  let match: RegExpMatchArray | null;
  if ((match = m.match(/^Field "(.+?)" of required type ".+?" was not provided/)))
    return { path: [...path, match[1]!], explanation: "Expected value to not be null" };
  if (/not to be null/.test(m)) return { path, explanation: "Expected value to not be null" };
  if ((match = m.match(/^Field "(.+?)" is not defined by type "(.+?)"/)))
    return { path: [...path, match[1]!], explanation: `Field is not defined on ${match[2]}` };
  if ((match = m.match(/^(\w+) cannot represent/)))
    return { path, explanation: `Could not coerce value ${JSON.stringify(invalid)} to ${match[1]}` };
  return { path, explanation: m };
}

/** Shopify's ID inputs must be global IDs (`gid://shopify/Order/1`); a bare number is rejected. */
function findNonGlobalIds(
  value: unknown,
  type: GraphQLInputType,
  path: (string | number)[],
  problems: Problem[],
): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    (Array.isArray(value) ? value : [value]).forEach((item, i) =>
      findNonGlobalIds(item, inner.ofType, Array.isArray(value) ? [...path, i] : path, problems),
    );
    return;
  }
  if (isInputObjectType(inner)) {
    for (const [field, def] of Object.entries(inner.getFields()))
      findNonGlobalIds((value as Record<string, unknown>)[field], def.type, [...path, field], problems);
    return;
  }
  if (getNamedType(inner).name === "ID" && typeof value === "string" && !isGid(value))
    problems.push({ path, explanation: `Invalid global id \`${value}\`` });
}
