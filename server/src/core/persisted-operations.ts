import { createHash } from "node:crypto";
import fs from "node:fs";
import { GraphQLError, Kind, parse, print, visit, type FieldNode } from "graphql";

/**
 * Persisted operations (trusted documents) of the first-party web client. Its documents are hashed at build time
 * by graphql-codegen (client/codegen.ts) into a manifest, hash → document, which the server loads at start. A
 * request may then name a document by its hash, in Apollo's protocol:
 * `{ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": "…" } } }` without `query`.
 *
 * - a known hash runs the manifest's document (a `query` sent beside it is ignored: the hash names the document);
 * - an unknown hash without a `query` is refused with PERSISTED_QUERY_NOT_FOUND (HTTP 200, as Apollo Server does,
 *   so that Apollo Client's link resends the full document), or PERSISTED_QUERY_NOT_SUPPORTED when no manifest
 *   was loaded (the link then sends full documents from the start, instead of two requests each time);
 * - an unknown hash with a `query` runs that query as any full document (it is not registered: only the build
 *   makes documents known);
 * - requests without the extension are untouched: third parties send full documents.
 *
 * The manifest's documents are run with `__typename` in every selection set below the root, as Apollo Client's
 * cache sends them (it adds `__typename` to every document and needs it in the answer to normalise it); the
 * generated types stay without it.
 *
 * A persisted operation gets exactly the limits and the budget of its caller, as a full document would: the
 * manifest is public (it ships in the client's bundle), so a hash proves nothing about who sends it.
 */
export const PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
/** Answered instead when no manifest is loaded, so that Apollo Client stops sending hashes at once. */
export const PERSISTED_QUERY_NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED";

export interface PersistedOperations {
  /** Where the manifest was read from; null when none was loaded. */
  source: string | null;
  size: number;
  get(hash: string): string | undefined;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };

/** `__typename` added to every selection set but the operation's root, where it is missing (Apollo's rule). */
export function withTypename(document: string): string {
  return print(
    visit(parse(document), {
      SelectionSet(node, _key, parent) {
        if (
          parent &&
          !Array.isArray(parent) &&
          (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION
        )
          return undefined;
        const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "__typename");
        return has ? undefined : { ...node, selections: [...node.selections, TYPENAME] };
      },
    }),
  );
}

/**
 * Reads the manifest. A missing file gives an empty set (every hash is then unknown and the client falls back to
 * full documents); a file that is not a manifest, or an entry whose hash is not its document's, stops the start.
 */
export function loadPersistedOperations(file: string): PersistedOperations {
  if (!file || !fs.existsSync(file)) return { source: null, size: 0, get: () => undefined };
  const manifest: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!manifest || typeof manifest !== "object" || Array.isArray(manifest))
    throw new Error(`${file} is not a persisted-operations manifest (an object of hash → document).`);
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== "string" || sha256Hex(document) !== hash)
      throw new Error(
        `${file}: the entry ${hash} is not the SHA-256 of its document; regenerate the manifest.`,
      );
    documents.set(hash, withTypename(document));
  }
  return { source: file, size: documents.size, get: (hash) => documents.get(hash) };
}

/** The hash a request names (`extensions.persistedQuery.sha256Hash`), or null. */
export function persistedHashOf(extensions: unknown): string | null {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : null;
}

export function notFoundError(operations: PersistedOperations): GraphQLError {
  return operations.source == null
    ? new GraphQLError(
        "PersistedQueryNotSupported: this server has no persisted operations; send the document itself in `query`.",
        { extensions: { code: PERSISTED_QUERY_NOT_SUPPORTED } },
      )
    : new GraphQLError(
        "PersistedQueryNotFound: no persisted operation has this hash; send the document itself in `query`.",
        { extensions: { code: PERSISTED_QUERY_NOT_FOUND } },
      );
}

/**
 * The document a request runs: the manifest's for a known hash, else its own `query`; an error for an unknown
 * hash without one. `persisted` is the hash when the manifest's document runs.
 */
export function resolveOperation(
  operations: PersistedOperations,
  request: { query?: unknown; extensions?: unknown },
): { query: unknown; persisted: string | null } | { error: GraphQLError } {
  const hash = persistedHashOf(request.extensions);
  if (hash == null) return { query: request.query, persisted: null };
  const document = operations.get(hash);
  if (document != null) return { query: document, persisted: hash };
  if (typeof request.query === "string" && request.query.trim() !== "")
    return { query: request.query, persisted: null };
  return { error: notFoundError(operations) };
}

/**
 * Before Apollo Server (whose own automatic persisted queries are off), on a POST body: puts the manifest's
 * document in `query` for a known hash and removes the extension, so the rest of the pipeline (token limit,
 * validation, limits, cost, budget) treats it as any document. Returns the error to answer instead (HTTP 200) for
 * an unknown hash without a `query`, else null. Requests without the extension are untouched.
 */
export function applyPersistedOperation(
  operations: PersistedOperations,
  method: string | undefined,
  body: unknown,
): GraphQLError | null {
  const request = body as { query?: unknown; extensions?: Record<string, unknown> } | undefined;
  if (
    method !== "POST" ||
    !request ||
    typeof request !== "object" ||
    persistedHashOf(request.extensions) == null
  )
    return null;
  const resolved = resolveOperation(operations, request);
  if ("error" in resolved) return resolved.error;
  const { persistedQuery: _handled, ...extensions } = request.extensions ?? {};
  request.query = resolved.query;
  request.extensions = extensions;
  return null;
}
