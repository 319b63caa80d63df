import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pino, { type Logger } from "pino";
import type { LogLevel } from "../../config";

/**
 * The process's logger: one JSON object a line on stdout (pino). Its level comes from LOG_LEVEL when a server
 * starts; before that, from the environment (silent under jest unless LOG_LEVEL says otherwise).
 */
const fromEnv = process.env.LOG_LEVEL ?? "";
// An unknown level is config.ts's to report, with the other bad variables; until then, the default.
const initialLevel =
  fromEnv === "silent" || fromEnv in pino.levels.values
    ? fromEnv
    : process.env.NODE_ENV === "test"
      ? "silent"
      : "info";

export const logger: Logger = pino({
  level: initialLevel,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export function configureLogger(options: { level: LogLevel; instanceId: string }): void {
  logger.level = options.level;
  logger.setBindings({ instance: options.instanceId });
}

/** What the rest of the code may know about the HTTP request it runs for. */
export interface RequestScope {
  /** The HTTP request's id (X-Request-Id); absent outside HTTP requests. */
  requestId?: string;
  /** The request's logger (its lines carry `reqId`); made on first use by `currentLog()`. */
  log?: Logger;
  /** Fields added to the request's completion log line (the GraphQL operation's name and type). */
  annotations?: Record<string, unknown>;
  /** The SQL statements run for the request (sql-counter.ts). */
  sql?: { statements: number };
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The id of the HTTP request being served, if any (GraphQL errors carry it as their correlation id). */
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;

/** The request's logger (its lines carry `reqId`), or the process's. */
export function currentLog(): Logger {
  const scope = requestScope.getStore();
  if (scope?.requestId == null) return logger;
  return (scope.log ??= logger.child({ reqId: scope.requestId }));
}

/** Adds fields to the current request's completion log line. */
export function annotateRequest(fields: Record<string, unknown>): void {
  const annotations = requestScope.getStore()?.annotations;
  if (annotations) Object.assign(annotations, fields);
}

/** A caller's X-Request-Id is kept when it is a plain token, so that ids are safe to log and echo. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

const ANNOTATIONS = Symbol("logFields");

/** The fields a request's completion log line gets besides the request and the response (see annotateRequest). */
export function annotationsOf(res: ServerResponse): Record<string, unknown> {
  const holder = res as ServerResponse & { [ANNOTATIONS]?: Record<string, unknown> };
  return (holder[ANNOTATIONS] ??= {});
}

/** Requests whose success is not logged: health checks and metric scrapes. */
const QUIET_URLS = new Set(["/healthz", "/metrics"]);

/** What the completion line says of the request, as pino-http's request serializer did. */
interface RequestFields {
  id: string;
  method: string | undefined;
  url: string | undefined;
  remoteAddress: string | undefined;
}

function logCompletion(request: RequestFields, res: ServerResponse, started: number, error?: Error): void {
  const failed = error != null || res.statusCode >= 500;
  const level = failed ? "error" : res.statusCode >= 400 ? "warn" : "info";
  // Nothing is built for a line that the level drops (production runs at warn: no line for a success).
  if (!logger.isLevelEnabled(level)) return;
  const fields: Record<string, unknown> = {
    res: { statusCode: res.statusCode, sqlStatements: res.getHeader("x-sql-statements") },
  };
  if (failed) fields.err = error ?? new Error(`failed with status code ${res.statusCode}`);
  fields.responseTime = Date.now() - started;
  Object.assign(fields, annotationsOf(res));
  const log = logger.child({ reqId: request.id, req: request });
  log[level](fields, failed ? "request errored" : "request completed");
}

/**
 * Middleware (express's signature; the GraphQL handler calls it too): takes X-Request-Id (or makes one), sends it
 * back in the response header with X-Instance-Id, and writes one line when the response is finished: info for
 * success, warn for 4xx, error for 5xx, each with `reqId`, the request (method, url, address), the status, the
 * SQL statement count, the duration and the annotations. Health checks and metric scrapes are not logged on
 * success. Credentials are never logged. The line is only built when its level is enabled.
 */
export function httpLogger(instanceId: string) {
  return (
    req: IncomingMessage & { id?: unknown; originalUrl?: string },
    res: ServerResponse,
    next?: () => void,
  ): void => {
    const id = requestIdOf(req.headers["x-request-id"]);
    req.id = id;
    res.setHeader("x-request-id", id);
    res.setHeader("x-instance-id", instanceId);
    const started = Date.now();
    const url = req.originalUrl ?? req.url;
    const onEnd = (error?: Error) => {
      res.removeListener("close", onEnd);
      res.removeListener("error", onEnd);
      logCompletion(
        { id, method: req.method, url, remoteAddress: req.socket?.remoteAddress },
        res,
        started,
        error,
      );
    };
    if (!QUIET_URLS.has(req.url ?? "")) res.on("close", onEnd);
    res.on("error", onEnd);
    next?.();
  };
}
