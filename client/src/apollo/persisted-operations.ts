import { ApolloLink } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import type { DocumentNode } from "graphql";

/**
 * The hash graphql-codegen gave a document at build time (client/codegen.ts, `persistedDocuments`), or null for
 * a document it did not generate (those written with `gql` in .ts files, which are sent in full).
 */
export function persistedHashOf(document: DocumentNode): string | null {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === "string" ? hash : null;
}

/**
 * Sends a generated document as its hash only (Apollo's persisted-query protocol, POST), which the server looks
 * up in the manifest built with the same documents. If the server does not know the hash (a server older than
 * the client), it answers PERSISTED_QUERY_NOT_FOUND and the link resends the full document once. Documents
 * without a build-time hash pass through unchanged.
 */
export function persistedOperationsLink(): ApolloLink {
  const persisted = new PersistedQueryLink({
    generateHash: (document) => persistedHashOf(document) ?? "",
    useGETForHashedQueries: false,
  });
  return ApolloLink.split((operation) => persistedHashOf(operation.query) !== null, persisted);
}
