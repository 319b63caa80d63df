import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { Assignment } from "../../features/assignments/assignment.entity";
import { Concern } from "../../features/delegations/concern.entity";
import { Delegation } from "../../features/delegations/delegation.entity";
import { Directive } from "../../features/directives/directive.entity";
import { Evaluation } from "../../features/evaluations/evaluation.entity";
import { UnitEvaluation } from "../../features/evaluations/unit-evaluation.entity";
import { Event } from "../../features/events/event.entity";
import { Member } from "../../features/members/member.entity";
import { Position } from "../../features/members/position.entity";
import { Term } from "../../features/members/term.entity";
import { NtmCriterionStatus } from "../../features/ntm/ntm-criterion-status.entity";
import { NtmCriterion } from "../../features/ntm/ntm-criterion.entity";
import { NtmRecognition } from "../../features/ntm/ntm-recognition.entity";
import { OrgUnit } from "../../features/org-units/org-unit.entity";
import { Pledge } from "../../features/pledges/pledge.entity";
import { User } from "../../features/users/user.entity";
import { Visit } from "../../features/visits/visit.entity";

/** The tables the generator fills, by the key its builders use (the same keys as the Cần Thơ `DemoData`). */
export const ENTITY_TABLES = {
  orgUnits: OrgUnit,
  terms: Term,
  ntmCriteria: NtmCriterion,
  members: Member,
  positions: Position,
  directives: Directive,
  assignments: Assignment,
  ntmStatuses: NtmCriterionStatus,
  ntmRecognitions: NtmRecognition,
  pledges: Pledge,
  visits: Visit,
  evaluations: Evaluation,
  unitEvaluations: UnitEvaluation,
  delegations: Delegation,
  concerns: Concern,
  users: User,
  events: Event,
} satisfies Record<string, EntityTarget<ObjectLiteral>>;

export type TableKey = keyof typeof ENTITY_TABLES | "delegationMembers";

/** Rows as the builders make them: entity property names (column names for the join table), plain values. */
export type Row = Record<string, unknown>;

/** A value ready for either driver: no Date, boolean or object left. */
export type Encoded = string | number | null;

export interface ColumnSpec {
  name: string;
  encode(row: Row): Encoded;
}

export interface TableSpec {
  key: TableKey;
  table: string;
  columns: ColumnSpec[];
}

/** Rows written without a timestamp get this one, not the clock: the same seed gives the same rows. */
export const GENERATED_AT = new Date("2016-09-17T23:59:59Z");

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC: what TypeORM writes for a datetime on SQLite and, with timezone Z, on MySQL. */
export function utcDatetime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** JSON text already serialised (for JSON columns): written as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

type Encoder = (value: unknown) => Encoded;

function encoderFor(type: unknown): Encoder {
  switch (type) {
    case "boolean":
    case Boolean:
      return (v) => (v == null ? null : v ? 1 : 0);
    case "datetime":
    case "timestamp":
    case Date:
      return (v) => (v == null ? null : v instanceof Date ? utcDatetime(v) : String(v));
    case "simple-json":
    case "json":
      return (v) => (v == null ? null : v instanceof RawJson ? v.text : JSON.stringify(v));
    case "simple-array":
      return (v) => (v == null ? null : (v as unknown[]).join(","));
    default:
      return (v) => {
        if (v == null) return null;
        if (typeof v === "boolean") return v ? 1 : 0;
        if (v instanceof Date) return utcDatetime(v);
        return v as string | number;
      };
  }
}

/**
 * Column lists and value encoders read from the entities' TypeORM metadata, so the generator writes exactly the
 * columns the migrations created, encoded the way TypeORM itself would (dates in UTC, booleans as 0/1, JSON text).
 */
export function tableSpecs(db: DataSource): Map<TableKey, TableSpec> {
  const specs = new Map<TableKey, TableSpec>();
  for (const [key, entity] of Object.entries(ENTITY_TABLES) as [TableKey, EntityTarget<ObjectLiteral>][]) {
    const metadata = db.getMetadata(entity);
    const seen = new Set<string>();
    const columns: ColumnSpec[] = [];
    for (const column of metadata.columns) {
      if (seen.has(column.databaseName)) continue;
      seen.add(column.databaseName);
      const property = column.propertyName;
      const encode = encoderFor(column.type);
      const fallback: unknown =
        column.isCreateDate || column.isUpdateDate
          ? GENERATED_AT
          : column.isVersion
            ? 1
            : typeof column.default === "function"
              ? null
              : (column.default ?? null);
      columns.push({
        name: column.databaseName,
        encode: (row) => {
          const value = row[property];
          return encode(value === undefined ? fallback : value);
        },
      });
    }
    specs.set(key, { key, table: metadata.tableName, columns });
  }
  specs.set("delegationMembers", {
    key: "delegationMembers",
    table: "delegation_member",
    columns: ["delegation_id", "member_id"].map((name) => ({
      name,
      encode: (row: Row) => row[name] as number,
    })),
  });
  return specs;
}
