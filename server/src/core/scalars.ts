import { DateResolver } from "graphql-scalars";
import { GraphQLISODateTime } from "type-graphql";

/** Calendar date without time or zone, `YYYY-MM-DD` (dates of decisions, visits, terms). */
export const DateScalar = DateResolver;
/** An instant, ISO 8601 in UTC. */
export const DateTimeScalar = GraphQLISODateTime;

/** Database `date` columns are strings `YYYY-MM-DD`; GraphQL Date inputs arrive as JS Dates. */
export function toDateString(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** TypeORM transformer for DECIMAL columns: MySQL returns strings, SQLite numbers; the API wants numbers. */
export const decimalTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value == null ? null : Number(value)),
};

/** TypeORM transformer that reads booleans the same on both drivers (MySQL TINYINT, SQLite INTEGER). */
export const booleanTransformer = {
  to: (value: boolean | null | undefined) => value,
  from: (value: boolean | number | null) => (value == null ? null : Boolean(value)),
};

/** DATE columns come back as strings on SQLite and, with `dateStrings`, on MySQL; normalise anyway. */
export const dateTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | Date | null) => (value == null ? null : toDateString(value)),
};
