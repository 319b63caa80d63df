/**
 * The logic of `pnpm schema:check` (scripts/schema-check.mjs), kept free of git and the file system so that a test
 * can call it on two SDL strings. CommonJS so that both the ESM script and the server's jest tests can load it.
 *
 * Breaking and dangerous changes come from graphql-js's own `findBreakingChanges` / `findDangerousChanges`
 * (the graphql package the server already uses; see schema/CHANGELOG.md for why not @graphql-inspector/core).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const path = require("node:path");
const { createRequire } = require("node:module");

// graphql is a dependency of the server, not of the workspace root: resolve it from there.
const graphql = createRequire(path.join(__dirname, "..", "server", "package.json"))("graphql");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The commit-message trailer that allows one breaking change: `Schema-breaking: Query.foo was removed.` */
const TRAILER = /^schema-breaking:[ \t]*(.+?)[ \t]*$/gim;

/** Allowances from a `schema/ALLOWED_BREAKING` file: one change per line as the check prints it; `#` comments. */
function allowancesFromFile(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter(Boolean);
}

/** Allowances from commit messages: every `Schema-breaking: <change>` line (case-insensitive key). */
function allowancesFromMessages(text) {
  return [...text.matchAll(TRAILER)].map((m) => m[1]);
}

/**
 * Normalises a change (or an allowance) for comparison: spaces collapsed, trailing period optional, and a copied
 * report line's `BREAKING  FIELD_REMOVED: ` prefix and `  (…)` note dropped, so that either form can be listed.
 */
const normalise = (text) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^BREAKING /, "")
    .replace(/^[A-Z_]+: /, "")
    .replace(/ \((allowed|not deprecated before|was deprecated)[^)]*\)$/, "")
    .replace(/\.$/, "");

/**
 * Whether the thing a removal took away was deprecated in the old schema (the deprecation policy asks for at
 * least one release with `@deprecated(reason:)` before a removal). Undefined for other kinds of change.
 */
function deprecatedBefore(oldSchema, change) {
  const { BreakingChangeType } = graphql;
  if (change.type === BreakingChangeType.FIELD_REMOVED) {
    const m = /^(\w+)\.(\w+) was removed\.?$/.exec(change.description);
    const type = m && oldSchema.getType(m[1]);
    const field = type && typeof type.getFields === "function" ? type.getFields()[m[2]] : undefined;
    return field ? field.deprecationReason != null : undefined;
  }
  if (change.type === BreakingChangeType.VALUE_REMOVED_FROM_ENUM) {
    const m = /^(\w+) was removed from enum type (\w+)\.?$/.exec(change.description);
    const type = m && oldSchema.getType(m[2]);
    const value = type && typeof type.getValue === "function" ? type.getValue(m[1]) : undefined;
    return value ? value.deprecationReason != null : undefined;
  }
  return undefined;
}

/**
 * Compares two schemas given as SDL.
 *
 * @param {string} oldSdl the schema clients rely on (the base: the last committed version on main)
 * @param {string} newSdl the schema about to be published
 * @param {{ allowed?: string[] }} [options] breaking changes allowed on purpose, by description
 * @returns {{ breaking: object[], dangerous: object[], disallowed: object[], unusedAllowances: string[] }}
 */
function checkSchema(oldSdl, newSdl, options = {}) {
  const oldSchema = graphql.buildSchema(oldSdl);
  const newSchema = graphql.buildSchema(newSdl);
  const allowed = new Map((options.allowed ?? []).map((a) => [normalise(a), a]));
  const used = new Set();
  const breaking = graphql.findBreakingChanges(oldSchema, newSchema).map((change) => {
    const key = normalise(change.description);
    const isAllowed = allowed.has(key);
    if (isAllowed) used.add(key);
    const wasDeprecated = deprecatedBefore(oldSchema, change);
    return {
      type: change.type,
      description: change.description,
      allowed: isAllowed,
      ...(wasDeprecated === undefined ? {} : { deprecatedBefore: wasDeprecated }),
    };
  });
  const dangerous = graphql
    .findDangerousChanges(oldSchema, newSchema)
    .map((change) => ({ type: change.type, description: change.description }));
  return {
    breaking,
    dangerous,
    disallowed: breaking.filter((c) => !c.allowed),
    unusedAllowances: [...allowed].filter(([key]) => !used.has(key)).map(([, original]) => original),
  };
}

/** The check's report as lines of text. */
function formatReport(result) {
  const lines = [];
  for (const c of result.breaking) {
    let note = "";
    if (c.allowed) note = "  (allowed)";
    else if (c.deprecatedBefore === false)
      note = "  (not deprecated before: deprecate it with @deprecated(reason:) for a release first)";
    else if (c.deprecatedBefore === true)
      note = "  (was deprecated: allow the removal if the deprecation shipped)";
    lines.push(`BREAKING  ${c.type}: ${c.description}${note}`);
  }
  for (const c of result.dangerous) lines.push(`dangerous ${c.type}: ${c.description}`);
  for (const a of result.unusedAllowances) lines.push(`note: allowance matches no change (remove it): ${a}`);
  const { breaking, disallowed, dangerous } = result;
  if (disallowed.length)
    lines.push(
      `schema check FAILED: ${disallowed.length} breaking change(s) not allowed` +
        ` (${breaking.length - disallowed.length} allowed, ${dangerous.length} dangerous).`,
    );
  else if (breaking.length)
    lines.push(
      `schema check passed: ${breaking.length} breaking change(s), all allowed; ${dangerous.length} dangerous.`,
    );
  else lines.push(`schema check passed: no breaking change; ${dangerous.length} dangerous.`);
  return lines;
}

module.exports = { checkSchema, formatReport, allowancesFromFile, allowancesFromMessages };
