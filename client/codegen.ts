import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations: `pnpm --filter ./client codegen` reads the committed API schema and every `.graphql`
 * document under src/, and writes src/gql/ (committed, so builds and type checks need no generation step).
 * `codegen:check` fails when src/gql/ is out of date with the schema or the documents. The output is left as
 * generated (ESLint and Prettier skip src/gql/), so the check compares like with like.
 *
 * Persisted operations: every document is also written, normalised, to src/gql/persisted-documents.json
 * (hash → document) and carries its hash (`__meta__.hash`). The server loads that manifest at start and runs
 * a known hash without the document; the client sends only the hash (apollo/persisted-operations.ts). The
 * hash is the SHA-256 of the normalised document in hex, the form of Apollo's `persistedQuery.sha256Hash`.
 */
const config: CodegenConfig = {
  schema: "../schema/schema.graphql",
  documents: ["src/**/*.graphql"],
  generates: {
    "src/gql/": {
      preset: "client",
      // Documents are imported as `…Document` constants from src/gql/graphql.ts, not through graphql().
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          mode: "embedHashInDocument",
          hashPropertyName: "hash",
          hashAlgorithm: (document: string) => createHash("sha256").update(document).digest("hex"),
        },
      },
      config: {
        useTypeImports: true,
        // String unions, like the rest of the client's enum types (apollo/schema-types.ts).
        enumsAsTypes: true,
        skipTypename: true,
        dedupeFragments: true,
        scalars: { Date: "string", DateTimeISO: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
