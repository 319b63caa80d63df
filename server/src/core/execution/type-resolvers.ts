import {
  isAbstractType,
  type GraphQLAbstractType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { getMetadataStorage } from "type-graphql";

type TypeResolver = GraphQLTypeResolver<unknown, unknown>;

/**
 * Synchronous versions of the type resolvers that type-graphql makes asynchronous. type-graphql wraps a class's own
 * `resolveType` (Node's `value.constructor.name`) in an async function; graphql-js awaits it, graphql-jit cannot
 * (it reads the name off the Promise and reports "Abstract type Node must resolve to an Object type"). These do
 * what type-graphql's wrapper does (a string is the type's name, a class is looked up among the object types),
 * without the Promise.
 */
export function synchronousTypeResolvers(schema: GraphQLSchema): Map<GraphQLAbstractType, TypeResolver> {
  const storage = getMetadataStorage();
  const nameOfClass = new Map<unknown, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  const declared = new Map<string, (...args: Parameters<TypeResolver>) => unknown>();
  for (const m of [...storage.interfaceTypes, ...storage.unions])
    if (m.resolveType) declared.set(m.name, m.resolveType as (...args: Parameters<TypeResolver>) => unknown);
  const resolvers = new Map<GraphQLAbstractType, TypeResolver>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type)) continue;
    const own = declared.get(type.name);
    if (!own) continue; // type-graphql's own instanceof resolver is synchronous already
    resolvers.set(type, (value, context, info, abstractType) => {
      const resolved = own(value, context, info, abstractType);
      if (resolved && typeof (resolved as PromiseLike<unknown>).then === "function")
        throw new Error(`resolveType of ${type.name} returned a Promise, which graphql-jit cannot execute`);
      if (typeof resolved === "string") return resolved || undefined;
      return resolved ? nameOfClass.get(resolved) : undefined;
    });
  }
  return resolvers;
}

/**
 * Runs `compile` with these type resolvers in place on the schema's types and puts the originals back before it
 * returns. graphql-jit takes each abstract type's resolveType once, while it compiles (synchronously), so the
 * compiled function keeps the synchronous one and graphql-js (subscriptions, GRAPHQL_JIT=off) never sees a change.
 */
export function withTypeResolvers<T>(resolvers: Map<GraphQLAbstractType, TypeResolver>, compile: () => T): T {
  const originals = [...resolvers.keys()].map((type) => [type, type.resolveType] as const);
  for (const [type, resolver] of resolvers) type.resolveType = resolver;
  try {
    return compile();
  } finally {
    for (const [type, original] of originals) type.resolveType = original;
  }
}
