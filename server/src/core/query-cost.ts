import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import { DEFAULT_PAGE_SIZE } from "./pagination";

/** Assumed size of a list field that is not paginated (`children`, `OrgUnit.assignments`, `ntmCriteria`…). */
export const LIST_SIZE = 10;

/** The fields of a connection that repeat once per item of the page. */
const ITEM_FIELDS = new Set(["nodes", "edges"]);

const isConnection = (type: GraphQLNamedType | null | undefined): boolean =>
  isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();

/**
 * The page size a connection field asks for: `first` (or `last`), the default page size when absent. A size
 * that cannot be read (a variable that does not coerce) counts as the default: execution refuses it anyway.
 */
function pageSizeOf(
  parent: GraphQLNamedType | null | undefined,
  node: FieldNode,
  variables: Record<string, unknown>,
): number {
  const field = isObjectType(parent) ? parent.getFields()[node.name.value] : undefined;
  if (!field) return DEFAULT_PAGE_SIZE;
  try {
    const args = getArgumentValues(field, node, variables);
    const size = typeof args.first === "number" ? args.first : args.last;
    return typeof size === "number" ? Math.max(0, size) : DEFAULT_PAGE_SIZE;
  } catch {
    return DEFAULT_PAGE_SIZE;
  }
}

/**
 * For every `nodes` / `edges` field node of the document, the page size of the connection it belongs to. A
 * fragment on a connection type spread into connections of different sizes gets the largest of them (a safe
 * overestimate; a field node is one object however many times a fragment is spread).
 */
function itemPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): WeakMap<FieldNode, number> {
  const sizes = new WeakMap<FieldNode, number>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const markItems = (selectionSet: SelectionSetNode, size: number, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (ITEM_FIELDS.has(selection.name.value))
          sizes.set(selection, Math.max(size, sizes.get(selection) ?? 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        markItems(selection.selectionSet, size, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value))
          markItems(fragment.selectionSet, size, new Set(seen).add(fragment.name.value));
      }
    }
  };

  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!node.selectionSet || !isConnection(getNamedType(typeInfo.getType()))) return;
        markItems(node.selectionSet, pageSizeOf(typeInfo.getParentType(), node, variables), new Set());
      },
    }),
  );
  return sizes;
}

/**
 * The estimated cost of an operation, as GitHub and Shopify count it: every field selected costs 1, and what
 * is selected inside a list costs once per item. The items of a connection (`nodes`, `edges`) are as many as
 * the connection's `first` (20 when omitted); its `pageInfo` and `totalCount` are paid once. `nodes(ids:)`
 * returns as many items as IDs are given; other lists are assumed to hold 10. Introspection costs nothing
 * (its own depth limit bounds it, and GraphiQL's full query must pass).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  const sizes = itemPageSizes(schema, document, variables);
  const estimator: ComplexityEstimator = ({ type: parent, field, node, args, childComplexity }) => {
    if (parent.name.startsWith("__") || field.name.startsWith("__")) return 0;
    const perItem = childComplexity + 1;
    if (isConnection(parent) && ITEM_FIELDS.has(field.name))
      return (sizes.get(node) ?? DEFAULT_PAGE_SIZE) * perItem;
    if (isConnection(getNamedType(field.type))) return perItem;
    if (!isListType(getNullableType(field.type))) return undefined;
    if (Array.isArray(args.ids)) return args.ids.length * perItem;
    if (typeof args.first === "number") return Math.max(0, args.first) * perItem;
    return LIST_SIZE * perItem;
  };
  return getComplexity({
    schema,
    query: document,
    variables,
    estimators: [estimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}
