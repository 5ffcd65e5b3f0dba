import {
  GraphQLError,
  Kind,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { adminSchema } from "./schema";

/** An error in the shape Shopify's Admin API returns in `errors[]`. */
export interface ShopifyGraphQLError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

// Which rule reported an error: graphql-js does not record it, and Shopify's error codes depend on it.
const ruleOfError = new WeakMap<GraphQLError, string>();

function remembersRule(rule: ValidationRule): ValidationRule {
  return (context: ValidationContext) => {
    const tracking = Object.create(context) as ValidationContext;
    tracking.reportError = (error: GraphQLError) => {
      ruleOfError.set(error, rule.name);
      context.reportError(error);
    };
    return rule(tracking);
  };
}

// The deprecated-field rule is part of validation on purpose: the app must not ship queries that
// use fields Shopify has announced it will remove (DESIGN.md, "deprecated fields rejected").
const rules: readonly ValidationRule[] = [...specifiedRules, NoDeprecatedCustomRule].map(remembersRule);

/** Parses and validates one document; returns graphql-js errors (empty when the document is valid). */
export function validateDocument(source: string): readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return validateParsed(document);
}

export function validateParsed(document: DocumentNode): readonly GraphQLError[] {
  return validate(adminSchema(), document, rules);
}

/** Rewrites a graphql-js validation/parse error into the message and extensions Shopify uses. */
export function toShopifyError(error: GraphQLError, document?: DocumentNode): ShopifyGraphQLError {
  const shaped = shopifyMessageAndExtensions(error);
  const out: ShopifyGraphQLError = { message: shaped.message };
  if (error.locations?.length) out.locations = error.locations.map(({ line, column }) => ({ line, column }));
  const path = document && error.nodes?.[0] ? pathTo(document, error.nodes[0]) : undefined;
  if (path?.length) out.path = path;
  out.extensions = shaped.extensions;
  return out;
}

function shopifyMessageAndExtensions(error: GraphQLError): { message: string; extensions: Record<string, unknown> } {
  const rule = ruleOfError.get(error);
  const m = error.message;
  let match: RegExpMatchArray | null;
  if (!rule) {
    // Only the parser reports errors without a rule.
    return { message: `Parse error: ${m.replace(/^Syntax Error: /, "")}`, extensions: { code: "parseError" } };
  }
  switch (rule) {
    case "FieldsOnCorrectTypeRule":
      if ((match = m.match(/^Cannot query field "(.+?)" on type "(.+?)"/))) {
        const [, fieldName, typeName] = match;
        return {
          message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
          extensions: { code: "undefinedField", typeName, fieldName },
        };
      }
      break;
    case "KnownArgumentNamesRule":
      if ((match = m.match(/^Unknown argument "(.+?)" on field "(?:.+?)\.(.+?)"/))) {
        const [, argumentName, name] = match;
        return {
          message: `Field '${name}' doesn't accept argument '${argumentName}'`,
          extensions: { code: "argumentNotAccepted", name, typeName: "Field", argumentName },
        };
      }
      if ((match = m.match(/^Unknown argument "(.+?)" on directive "@(.+?)"/))) {
        const [, argumentName, name] = match;
        return {
          message: `Directive '${name}' doesn't accept argument '${argumentName}'`,
          extensions: { code: "argumentNotAccepted", name, typeName: "Directive", argumentName },
        };
      }
      break;
    case "ProvidedRequiredArgumentsRule":
      if ((match = m.match(/^Field "(.+?)" argument "(.+?)" of type/))) {
        const [, name, argument] = match;
        return {
          message: `Field '${name}' is missing required arguments: ${argument}`,
          extensions: { code: "missingRequiredArguments", className: "Field", name, arguments: argument },
        };
      }
      break;
    case "ScalarLeafsRule":
      if ((match = m.match(/^Field "(.+?)" must not have a selection since type "(.+?)"/))) {
        const [, name, type] = match;
        return {
          message: `Selections can't be made on scalars (field '${name}' returns ${type} but has selections)`,
          extensions: { code: "selectionMismatch", nodeName: `field '${name}'`, typeName: type },
        };
      }
      if ((match = m.match(/^Field "(.+?)" of type "(.+?)" must have a selection of subfields/))) {
        const [, name, type] = match;
        return {
          message: `Field must have selections (field '${name}' returns ${type} but has no selections. Did you mean '${name} { ... }'?)`,
          extensions: { code: "selectionMismatch", nodeName: `field '${name}'`, typeName: type },
        };
      }
      break;
    case "NoUndefinedVariablesRule":
      if ((match = m.match(/^Variable "\$(.+?)" is not defined(?: by operation "(.+?)")?/))) {
        const [, variableName, operation] = match;
        return {
          message: `Variable $${variableName} is used by ${operation ?? "anonymous query"} but not declared`,
          extensions: { code: "variableNotDefined", variableName },
        };
      }
      break;
    case "NoUnusedVariablesRule":
      if ((match = m.match(/^Variable "\$(.+?)" is never used(?: in operation "(.+?)")?/))) {
        const [, variableName, operation] = match;
        return {
          message: `Variable $${variableName} is declared by ${operation ?? "anonymous query"} but not used`,
          extensions: { code: "variableNotUsed", variableName },
        };
      }
      break;
    case "VariablesInAllowedPositionRule":
      if ((match = m.match(/^Variable "\$(.+?)" of type "(.+?)" used in position expecting type "(.+?)"/))) {
        const [, variableName, actual = "", expected = ""] = match;
        const onlyNullability = actual.replace(/!/g, "") === expected.replace(/!/g, "");
        return {
          message: `${onlyNullability ? "Nullability" : "Type"} mismatch on variable $${variableName} (${actual} / ${expected})`,
          extensions: { code: "variableMismatch", variableName, typeName: actual },
        };
      }
      break;
    case "KnownTypeNamesRule":
      if ((match = m.match(/^Unknown type "(.+?)"/))) {
        return {
          message: `No such type ${match[1]}, so it can't be used here`,
          extensions: { code: "undefinedType", typeName: match[1] },
        };
      }
      break;
    case "ValuesOfCorrectTypeRule":
      return { message: m, extensions: { code: "argumentLiteralsIncompatible" } };
    case "NoDeprecatedCustomRule":
      // graphql-js already puts the deprecation reason in the message ("... is deprecated. Use `x` instead.").
      if ((match = m.match(/^The (field|input field) (.+?)\.(.+?) is deprecated/))) {
        const [, , typeName, fieldName] = match;
        return { message: m, extensions: { code: "deprecatedField", typeName, fieldName } };
      }
      if (/argument .* is deprecated/.test(m)) return { message: m, extensions: { code: "deprecatedArgument" } };
      return { message: m, extensions: { code: "deprecatedEnumValue" } };
  }
  // Any other rule: keep graphql-js's message, name the code after the rule like graphql-ruby does.
  const code = rule.replace(/Rule$/, "").replace(/^./, (c) => c.toLowerCase());
  return { message: m, extensions: { code } };
}

/** graphql-ruby style path to a node: ["query Name", "order", "lineItems", "foo"]. */
function pathTo(document: DocumentNode, target: ASTNode): (string | number)[] | undefined {
  let found: (string | number)[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (found) return false;
      if (node !== target) return undefined;
      const chain = [...ancestors, node].filter(
        (a): a is ASTNode => !Array.isArray(a) && typeof a === "object" && "kind" in a,
      );
      found = chain.flatMap(describe);
      return false;
    },
  });
  return found;
}

function describe(node: ASTNode): string[] {
  switch (node.kind) {
    case Kind.OPERATION_DEFINITION:
      return [node.name ? `${node.operation} ${node.name.value}` : node.operation];
    case Kind.FRAGMENT_DEFINITION:
      return [`fragment ${node.name.value}`];
    case Kind.FIELD:
      return [node.alias?.value ?? node.name.value];
    case Kind.INLINE_FRAGMENT:
      return [node.typeCondition ? `... on ${node.typeCondition.name.value}` : "..."];
    case Kind.ARGUMENT:
    case Kind.OBJECT_FIELD:
      return [node.name.value];
    case Kind.VARIABLE_DEFINITION:
      return [`$${node.variable.name.value}`];
    default:
      return [];
  }
}
