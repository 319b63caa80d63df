/** Types of scripts/schema-check-core.cjs, for the server's tests. */

export interface SchemaChange {
  /** graphql-js's BreakingChangeType or DangerousChangeType. */
  type: string;
  /** graphql-js's sentence, e.g. `Query.foo was removed.`: what an allowance lists. */
  description: string;
}

export interface BreakingSchemaChange extends SchemaChange {
  /** Listed in schema/ALLOWED_BREAKING or a `Schema-breaking:` commit-message line. */
  allowed: boolean;
  /** For a removed field or enum value: whether the old schema had marked it `@deprecated`. */
  deprecatedBefore?: boolean;
}

export interface SchemaCheckResult {
  breaking: BreakingSchemaChange[];
  dangerous: SchemaChange[];
  /** The breaking changes that are not allowed: the check fails when there is any. */
  disallowed: BreakingSchemaChange[];
  /** Allowances that match no change (stale entries). */
  unusedAllowances: string[];
}

export function checkSchema(
  oldSdl: string,
  newSdl: string,
  options?: { allowed?: string[] },
): SchemaCheckResult;
export function formatReport(result: SchemaCheckResult): string[];
export function allowancesFromFile(text: string): string[];
export function allowancesFromMessages(text: string): string[];
