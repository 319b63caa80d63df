import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Root query fields whose results depend only on rows that change together with an event row (every mutation
 * writes one, in its transaction), on the viewer, on the arguments, and at most on today's date (part of the
 * key). Left out on purpose:
 * - `rateLimit`: the caller's budget after this very request;
 * - `viewer` is allowed, but see USER_FIELDS: user rows change without events.
 * - introspection (`__schema`, `__type`): cheap to compute, and not worth an entry.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  "__typename",
  "apiKeys",
  "assignments",
  "concernStats",
  "concerns",
  "delegations",
  "directives",
  "evaluations",
  "events",
  "gradeQuota",
  "members",
  "node",
  "nodes",
  "ntmCriteria",
  "ntmRecognitions",
  "ntmStatuses",
  "orgUnit",
  "orgUnits",
  "pledges",
  "terms",
  "unitEvaluations",
  "unitSummary",
  "viewer",
  "visitCompliance",
  "visitComplianceTotals",
  "visits",
]);

/**
 * No mutation writes `app_user` (sign-in writes nothing; accounts, roles and units are changed by administrators
 * in the database), so fields read from a user's row may change with no event. Only fields that the viewer
 * itself carries (read fresh on every request, and part of the cache key) are cacheable, and only under the root
 * `viewer` field, where the user is the viewer; elsewhere (`node(id:)` of a user) only the global id.
 */
const USER_FIELDS_ANYWHERE = new Set(["id", "__typename"]);
const USER_FIELDS_OF_VIEWER = new Set(["id", "__typename", "username", "roles", "unit", "member"]);

/** Whether an operation's result may be cached: a query whose every root field and every user field qualifies. */
export function isCacheable(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== "query") return false;
  const queryType = schema.getQueryType();
  if (!queryType) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    root: string | null,
    seen: Set<string>,
  ): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const rootField = root ?? name;
        if (root == null && !CACHEABLE_ROOT_FIELDS.has(name)) return false;
        if (parent.name === "User") {
          const allowed = rootField === "viewer" ? USER_FIELDS_OF_VIEWER : USER_FIELDS_ANYWHERE;
          if (!allowed.has(name)) return false;
        }
        if (!selection.selectionSet) continue;
        if (!isObjectType(parent) && !isInterfaceType(parent)) return false;
        const field = parent.getFields()[name];
        const type = field ? getNamedType(field.type) : undefined;
        if (!type || !isCompositeType(type)) return false;
        if (!walk(selection.selectionSet, type, rootField, seen)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!type || !isCompositeType(type)) return false;
        if (!walk(selection.selectionSet, type, root, seen)) return false;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) return false;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) return false;
        if (!walk(fragment.selectionSet, type, root, new Set(seen).add(name))) return false;
      }
    }
    return true;
  };
  return walk(operation.selectionSet, queryType, null, new Set());
}
