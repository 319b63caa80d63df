import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";

/** The SDL as committed: sorted, so that a diff shows changes and not reordering. */
export function printSchemaWithDescriptions(schema: GraphQLSchema): string {
  return `# Emitted from the server's code by \`pnpm schema:emit\`; do not edit by hand. CI fails when it differs.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
