import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  allowancesFromFile,
  allowancesFromMessages,
  checkSchema,
  formatReport,
} from "../../../scripts/schema-check-core.cjs";

/** The logic behind `pnpm schema:check` (scripts/schema-check.mjs), on small schemas. */

const BASE = `
  type Query {
    unit(code: String!): Unit
    units(first: Int): [Unit!]!
    legacyName: String @deprecated(reason: "Use unit(code:).name.")
  }
  type Unit {
    code: String!
    name: String!
    kind: Kind!
  }
  enum Kind { CITY DISTRICT COMMUNE }
  input UnitFilter { under: String }
`;

describe("schema check", () => {
  it("passes a safe change: new types, fields, optional arguments and a deprecation", () => {
    const next = `
      type Query {
        unit(code: String!): Unit
        units(first: Int, after: String, filter: UnitFilter): [Unit!]!
        legacyName: String @deprecated(reason: "Use unit(code:).name.")
        summary(unit: String!): Summary
      }
      type Unit {
        code: String!
        name: String! @deprecated(reason: "Use fullName.")
        fullName: String!
        kind: Kind!
      }
      type Summary { cells: Int! }
      enum Kind { CITY DISTRICT COMMUNE }
      input UnitFilter { under: String, search: String }
    `;
    const result = checkSchema(BASE, next);
    expect(result.breaking).toEqual([]);
    expect(result.disallowed).toEqual([]);
    // graphql-js calls these "dangerous" (they may change what an existing query means): reported, not failed.
    expect(result.dangerous.map((c) => c.type).sort()).toEqual([
      "OPTIONAL_ARG_ADDED",
      "OPTIONAL_ARG_ADDED",
      "OPTIONAL_INPUT_FIELD_ADDED",
    ]);
    expect(formatReport(result).at(-1)).toBe("schema check passed: no breaking change; 3 dangerous.");
  });

  it("fails a breaking change, and says which removals were not deprecated first", () => {
    const next = `
      type Query {
        unit(code: ID!): Unit
        units(first: Int!): [Unit!]!
      }
      type Unit {
        code: String!
        name: String
        kind: Kind!
      }
      enum Kind { CITY DISTRICT }
      input UnitFilter { under: String, year: Int! }
    `;
    const result = checkSchema(BASE, next);
    expect(result.disallowed).toEqual(result.breaking);
    expect(result.breaking).toEqual([
      {
        type: "FIELD_REMOVED",
        description: "Query.legacyName was removed.",
        allowed: false,
        deprecatedBefore: true,
      },
      {
        type: "ARG_CHANGED_KIND",
        description: "Query.unit arg code has changed type from String! to ID!.",
        allowed: false,
      },
      {
        type: "ARG_CHANGED_KIND",
        description: "Query.units arg first has changed type from Int to Int!.",
        allowed: false,
      },
      {
        type: "FIELD_CHANGED_KIND",
        description: "Unit.name changed type from String! to String.",
        allowed: false,
      },
      {
        type: "VALUE_REMOVED_FROM_ENUM",
        description: "COMMUNE was removed from enum type Kind.",
        allowed: false,
        deprecatedBefore: false,
      },
      {
        type: "REQUIRED_INPUT_FIELD_ADDED",
        description: "A required field year on input type UnitFilter was added.",
        allowed: false,
      },
    ]);
    expect(formatReport(result).at(-1)).toMatch(/^schema check FAILED: 6 breaking change\(s\) not allowed/);
  });

  it("allows a breaking change listed by its sentence or by a copied report line, and notes stale entries", () => {
    const next = BASE.replace(/legacyName.*\n/, "").replace("COMMUNE", "");
    const allowed = allowancesFromFile(`
      # removals announced in release 2
      Query.legacyName was removed.   # deprecated since release 1
      BREAKING  VALUE_REMOVED_FROM_ENUM: COMMUNE was removed from enum type Kind.  (not deprecated before: …)
      Query.other was removed.
    `);
    expect(allowed).toHaveLength(3);
    const result = checkSchema(BASE, next, { allowed });
    expect(result.breaking.map((c) => c.allowed)).toEqual([true, true]);
    expect(result.disallowed).toEqual([]);
    expect(result.unusedAllowances).toEqual(["Query.other was removed."]);
  });

  it("reads allowances from `Schema-breaking:` lines of commit messages", () => {
    const messages = [
      "Remove the legacy name\n\nIt was deprecated in release 1.\n\nSchema-breaking: Query.legacyName was removed.\n",
      "Unrelated\n\nschema-breaking:   COMMUNE was removed from enum type Kind.  \n",
    ].join("\n");
    expect(allowancesFromMessages(messages)).toEqual([
      "Query.legacyName was removed.",
      "COMMUNE was removed from enum type Kind.",
    ]);
    expect(allowancesFromMessages("Schema changes: none")).toEqual([]);
  });

  describe("scripts/schema-check.mjs", () => {
    const root = path.resolve(__dirname, "../../..");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-"));
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const run = (...args: string[]) => {
      try {
        const stdout = execFileSync(
          process.execPath,
          [path.join(root, "scripts/schema-check.mjs"), ...args],
          {
            cwd: root,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        return { status: 0, stdout };
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { status: e.status, stdout: e.stdout + e.stderr };
      }
    };
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("exits 0 on a safe change, 1 on a breaking one, 0 again when it is allowed", () => {
      const base = file("base.graphql", BASE);
      const none = file("none", "");
      const safe = file("safe.graphql", BASE.replace("kind: Kind!", "kind: Kind!\n    population: Int"));
      const breaking = file("breaking.graphql", BASE.replace(/legacyName.*\n/, ""));
      expect(run("--base-file", base, "--schema", safe, "--allowed", none)).toMatchObject({ status: 0 });
      const failed = run("--base-file", base, "--schema", breaking, "--allowed", none);
      expect(failed.status).toBe(1);
      expect(failed.stdout).toContain("BREAKING  FIELD_REMOVED: Query.legacyName was removed.");
      const allowed = file("allowed", "Query.legacyName was removed.\n");
      expect(run("--base-file", base, "--schema", breaking, "--allowed", allowed)).toMatchObject({
        status: 0,
      });
    });

    it("exits 2 when it cannot run", () => {
      expect(run("--base", "no-such-ref-anywhere").status).toBe(2);
      expect(run("--unknown").status).toBe(2);
    });
  });
});
