import type { GraphQLSchema } from "graphql";

/** How Apollo Server executes operations: the schema it runs them against (graphql-js's execute). */
export function executionOptions(schema: GraphQLSchema): { schema: GraphQLSchema } {
  return { schema };
}
