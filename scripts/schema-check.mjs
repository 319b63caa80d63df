#!/usr/bin/env node
/**
 * `pnpm schema:check`: fails when schema/schema.graphql breaks clients of the base version, unless the break is
 * allowed on purpose. See schema/CHANGELOG.md ("Checking for breaking changes").
 *
 *   node scripts/schema-check.mjs [--base <git ref> | --base auto | --base-file <path>] [--schema <path>]
 *                                 [--allowed <path>]
 *
 * - New schema: `--schema`, default schema/schema.graphql in the working tree.
 * - Base schema: `--base-file <path>`, or schema/schema.graphql at `--base <ref>` / `$SCHEMA_BASE`, default `HEAD`
 *   (the last commit: what a local change is checked against). `auto` (what .ci/run uses) is the last commit on
 *   main before the change under test: the merge base with origin/main (or main) when HEAD is not on it, else
 *   HEAD's first parent. No base schema (first commit, shallow clone in auto mode) → nothing to compare, exit 0.
 * - Allowed breaking changes: the lines of `--allowed` (default schema/ALLOWED_BREAKING) and every
 *   `Schema-breaking: <change>` line in the messages of the commits between the base and HEAD.
 *
 * Exit status: 0 passed, 1 a breaking change is not allowed, 2 the check could not run (bad arguments, a base
 * ref that does not exist, a schema that does not build).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { checkSchema, formatReport, allowancesFromFile, allowancesFromMessages } = createRequire(
  import.meta.url,
)("./schema-check-core.cjs");
const SCHEMA_PATH = "schema/schema.graphql";

function fail(message) {
  console.error(`schema check: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {};
  const names = { "--base": "base", "--base-file": "baseFile", "--schema": "schema", "--allowed": "allowed" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === "--") continue;
    if (flag === "--help" || flag === "-h") {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]);
      process.exit(0);
    }
    const name = names[flag];
    if (!name) fail(`unknown argument ${argv[i]} (see --help)`);
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`${flag} needs a value`);
    options[name] = value;
  }
  return options;
}

const git = (...args) =>
  execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trimEnd();
const gitOrNull = (...args) => {
  try {
    return git(...args);
  } catch {
    return null;
  }
};

/** The commit `auto` stands for, or null when there is none (the first commit, a shallow clone). */
function autoBase() {
  const head = git("rev-parse", "HEAD");
  for (const main of ["origin/main", "main"]) {
    if (!gitOrNull("rev-parse", "--verify", "--quiet", `${main}^{commit}`)) continue;
    const mergeBase = gitOrNull("merge-base", main, "HEAD");
    if (mergeBase && mergeBase !== head) return mergeBase;
  }
  return gitOrNull("rev-parse", "--verify", "--quiet", "HEAD^1^{commit}");
}

const options = parseArgs(process.argv.slice(2));
const schemaFile = path.resolve(root, options.schema ?? SCHEMA_PATH);
if (!fs.existsSync(schemaFile)) fail(`no schema at ${path.relative(root, schemaFile)}`);
const newSdl = fs.readFileSync(schemaFile, "utf8");

let oldSdl;
let baseName;
let messages = "";
if (options.baseFile) {
  const baseFile = path.resolve(root, options.baseFile);
  if (!fs.existsSync(baseFile)) fail(`no base schema at ${options.baseFile}`);
  oldSdl = fs.readFileSync(baseFile, "utf8");
  baseName = options.baseFile;
} else {
  const ref = options.base ?? process.env.SCHEMA_BASE ?? "HEAD";
  const commit =
    ref === "auto" ? autoBase() : gitOrNull("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  if (!commit) {
    if (ref !== "auto") fail(`base ${ref} is not a commit here (a shallow clone? fetch it, or pass --base)`);
    console.log("schema check: no earlier commit to compare with (first commit or shallow clone); skipped.");
    process.exit(0);
  }
  baseName = `${ref === "auto" ? "auto = " : `${ref} = `}${commit.slice(0, 9)}`;
  oldSdl = gitOrNull("show", `${commit}:${SCHEMA_PATH}`);
  if (oldSdl === null) {
    console.log(`schema check: ${SCHEMA_PATH} does not exist at ${baseName}; nothing to compare.`);
    process.exit(0);
  }
  messages = gitOrNull("log", "--format=%B", `${commit}..HEAD`) ?? "";
}

const allowedFile = path.resolve(root, options.allowed ?? "schema/ALLOWED_BREAKING");
const fromFile = fs.existsSync(allowedFile) ? allowancesFromFile(fs.readFileSync(allowedFile, "utf8")) : [];
const fromMessages = allowancesFromMessages(messages);

let result;
try {
  result = checkSchema(oldSdl, newSdl, { allowed: [...fromFile, ...fromMessages] });
} catch (error) {
  fail(`a schema does not build: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(
  `schema check: ${path.relative(root, schemaFile)} against ${baseName}` +
    ` (${fromFile.length} allowance(s) in ${path.relative(root, allowedFile)}, ${fromMessages.length} in commit messages)`,
);
for (const line of formatReport(result)) console.log(line);
if (result.disallowed.length) {
  console.log(
    "To publish a breaking change on purpose, list each line above (or just its sentence) in schema/ALLOWED_BREAKING" +
      " or as `Schema-breaking: <sentence>` in the commit message; see schema/CHANGELOG.md.",
  );
  process.exit(1);
}
