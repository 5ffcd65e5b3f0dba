import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from "graphql";
import type { RequestContext } from "./context";
import { MAX_QUERY_COST, queryCost } from "./cost";
import { mutationRoot } from "./mutations/index";
import { notModelled } from "./resolvers/common";
import { queryRoot } from "./resolvers/query-root";
import { adminSchema } from "./schema";
import { toShopifyError, validateParsed, type ShopifyGraphQLError } from "./validate";
import { variableErrors } from "./variables";

/**
 * Resolves a field from the emulator's plain views: a property that is a function is called with
 * the field's arguments and the request context; a property that is absent is a field the
 * emulator does not model, reported as an error rather than answered with a misleading null.
 */
const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
  const value = (source as Record<string, unknown> | null)?.[info.fieldName];
  if (value === undefined) throw notModelled(`${info.parentType.name}.${info.fieldName}`);
  return typeof value === "function" ? (value as (a: unknown, c: RequestContext) => unknown)(args, ctx) : value;
};

export interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
  variables: Record<string, unknown>;
  requestedCost: number;
}

/** Parse, validate, pick the operation, check variables and cost: Shopify's checks before running. */
export function prepare(
  query: string,
  variables: Record<string, unknown>,
  operationName: string | null,
): Prepared | { errors: ShopifyGraphQLError[]; requestedCost: number } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [toShopifyError(error)], requestedCost: 0 };
    throw error;
  }
  const invalid = validateParsed(document);
  if (invalid.length > 0) return { errors: invalid.map((e) => toShopifyError(e, document)), requestedCost: 0 };

  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const message = operationName ? `No operation named "${operationName}"` : "An operation name is required";
    return { errors: [{ message, extensions: { code: "OPERATION_NOT_FOUND" } }], requestedCost: 0 };
  }
  if (operation.operation === "subscription") {
    return {
      errors: [{ message: "Subscriptions are not supported by the Admin API", extensions: { code: "BAD_REQUEST" } }],
      requestedCost: 0,
    };
  }
  const schema = adminSchema();
  const badVariables = variableErrors(schema, operation, variables);
  if (badVariables.length > 0) return { errors: badVariables, requestedCost: 0 };

  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const requestedCost = Math.ceil(queryCost(schema, operation, fragments, variables));
  if (requestedCost > MAX_QUERY_COST) {
    return {
      requestedCost,
      errors: [
        {
          message: `Query cost is ${requestedCost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: {
            code: "MAX_COST_EXCEEDED",
            cost: requestedCost,
            maxCost: MAX_QUERY_COST,
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ],
    };
  }
  return { document, operation, fragments, variables, requestedCost };
}

export interface Executed {
  data: unknown;
  errors?: ShopifyGraphQLError[];
  actualCost: number;
}

export async function run(prepared: Prepared, ctx: RequestContext): Promise<Executed> {
  const schema = adminSchema();
  const result = await execute({
    schema,
    document: prepared.document,
    operationName: prepared.operation.name?.value,
    rootValue: prepared.operation.operation === "mutation" ? mutationRoot() : queryRoot(),
    contextValue: ctx,
    variableValues: prepared.variables,
    fieldResolver,
  });
  const errors = result.errors?.map(executionError);
  return {
    data: result.data ?? null,
    ...(errors?.length ? { errors } : {}),
    actualCost: Math.ceil(
      queryCost(schema, prepared.operation, prepared.fragments, prepared.variables, result.data ?? null),
    ),
  };
}

function executionError(error: GraphQLError): ShopifyGraphQLError {
  const original = error.originalError;
  // A plain Error is a bug in the emulator; Shopify would answer INTERNAL_SERVER_ERROR.
  const isBug = original !== undefined && !(original instanceof GraphQLError);
  return {
    message: isBug
      ? `Internal error. Looks like something went wrong on our end. (emulator: ${original.message})`
      : error.message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    ...(error.path ? { path: [...error.path] } : {}),
    extensions: isBug ? { code: "INTERNAL_SERVER_ERROR" } : { ...error.extensions },
  };
}
