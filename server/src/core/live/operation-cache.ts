import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { checkOperation } from "../http-guards";
import { LIMITS } from "../query-limits";
import type { CallerClass } from "../query-limits";

type Checked = { document: DocumentNode; cost: number; runs: boolean } | { errors: GraphQLError[] };

/** Documents longer than this are checked every time (a cache of large documents would hold too much). */
const MAX_CACHED_QUERY = 16 * 1024;
const MAX_ENTRIES = 1000;

/**
 * `checkOperation` (parse, validate, the query limits and the cost estimate) for graphql-ws subscriptions,
 * memoised by (caller class, operation name, document text, variables). Thousands of screens subscribe with the
 * same document and a handful of variable sets: they share one parsed, validated `DocumentNode` instead of each
 * holding its own AST and token list (several KB per subscription), and skip the validation after the first.
 * Sharing the document object is also what lets `executeShared` recognise subscriptions that run the same
 * operation with the same variables. The result depends on nothing else (the schema is fixed for the process).
 */
export class OperationCache {
  private readonly entries = new Map<string, Checked>();
  /** One instance of each cached document text (see `intern`). */
  private readonly texts = new Map<string, string>();
  /** Checks made and answered from the cache (tests). */
  readonly stats = { checked: 0, cached: 0 };

  constructor(private readonly schema: GraphQLSchema) {}

  check(
    query: string,
    variables: Record<string, unknown>,
    callerClass: CallerClass,
    operationName?: string | null,
  ): Checked {
    const run = () => checkOperation(this.schema, query, variables, LIMITS[callerClass], operationName);
    if (query.length > MAX_CACHED_QUERY) {
      this.stats.checked += 1;
      return run();
    }
    const key = `${callerClass}\u0000${operationName ?? ""}\u0000${JSON.stringify(variables)}\u0000${query}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.stats.cached += 1;
      return hit;
    }
    this.stats.checked += 1;
    const checked = run();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, checked);
    if (!this.texts.has(query)) {
      if (this.texts.size >= MAX_ENTRIES) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(query, query);
    }
    return checked;
  }

  /**
   * The first instance of a document text this cache has seen, or `query` itself. graphql-ws keeps each
   * subscription's subscribe message for the subscription's life: pointing its `payload.query` at the shared
   * instance lets each subscriber's own copy of the text be collected.
   */
  intern(query: string): string {
    return this.texts.get(query) ?? query;
  }
}
