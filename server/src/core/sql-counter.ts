import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";
import { sqlStatements } from "./observability/metrics";

/** Counts SQL statements per request (tests assert it; metrics will export it). */
export interface SqlTally {
  statements: number;
}

export const sqlTally = new AsyncLocalStorage<SqlTally>();

/** A TypeORM logger that counts every statement in the current request and optionally prints it. */
export class CountingLogger implements Logger {
  constructor(private readonly print: boolean) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const tally = sqlTally.getStore();
    if (tally) tally.statements += 1;
    sqlStatements.inc({ source: tally ? "request" : "background" });
    if (this.print)
      console.log(`[sql] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ""}`);
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    if (this.print)
      console.error(`[sql error] ${String(error)} in ${query} -- ${JSON.stringify(parameters ?? [])}`);
  }
  logQuerySlow(time: number, query: string): void {
    if (this.print) console.warn(`[sql slow ${time} ms] ${query}`);
  }
  logSchemaBuild(message: string): void {
    if (this.print) console.log(`[schema] ${message}`);
  }
  logMigration(message: string): void {
    if (this.print) console.log(`[migration] ${message}`);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (this.print || level === "warn") console.log(`[typeorm ${level}] ${String(message)}`);
  }
}
