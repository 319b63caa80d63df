import type { Logger, QueryRunner } from "typeorm";
import { requestScope } from "./observability/logger";
import { sqlStatements } from "./observability/metrics";

/** Counts SQL statements per request (tests assert it; metrics will export it). */
export interface SqlTally {
  statements: number;
}

/**
 * The current request's SQL tally. It is kept in the request's scope (logger.ts's `requestScope`) rather than in an
 * AsyncLocalStorage of its own: every AsyncLocalStorage in use adds its own work to every promise made while
 * a request runs.
 */
export const sqlTally = {
  getStore: (): SqlTally | undefined => requestScope.getStore()?.sql,
  /** Runs `fn` with `tally` as the current tally, in the current request's scope otherwise. */
  run: <R>(tally: SqlTally, fn: () => R): R =>
    requestScope.run({ ...requestScope.getStore(), sql: tally }, fn),
  /** Runs `fn` outside any request (its statements are the process's). */
  exit: <R>(fn: () => R): R => requestScope.exit(fn),
};

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
