import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pino, { type Logger } from "pino";
import { pinoHttp } from "pino-http";
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
  requestId: string;
  log: Logger;
  /** Fields added to the request's completion log line (the GraphQL operation's name and type). */
  annotations?: Record<string, unknown>;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The id of the HTTP request being served, if any (GraphQL errors carry it as their correlation id). */
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;

/** The request's logger (its lines carry `reqId`), or the process's. */
export const currentLog = (): Logger => requestScope.getStore()?.log ?? logger;

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

/**
 * Express middleware: takes X-Request-Id (or makes one), sends it back in the response header, gives the request
 * a child logger (`req.log`) and writes one line when the response is finished: info for success, warn for 4xx,
 * error for 5xx. Health checks and metric scrapes are not logged. Credentials are never logged.
 */
/** Where app.ts keeps a request's annotations: express's `res.locals`. */
export function annotationsOf(res: ServerResponse): Record<string, unknown> {
  const locals = ((res as ServerResponse & { locals?: Record<string, unknown> }).locals ??= {});
  return ((locals.logFields as Record<string, unknown> | undefined) ??= {});
}

export function httpLogger(instanceId: string) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req.headers["x-request-id"]);
      res.setHeader("x-request-id", id);
      res.setHeader("x-instance-id", instanceId);
      return id;
    },
    // req.log (used while the request runs) carries just `reqId`; the completion line has the request too.
    quietReqLogger: true,
    autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/metrics" },
    customSuccessObject: (_req, res, value) => ({ ...value, ...annotationsOf(res) }),
    customErrorObject: (_req, res, _error, value) => ({ ...value, ...annotationsOf(res) }),
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number; headers?: Record<string, unknown> }) => ({
        statusCode: res.statusCode,
        sqlStatements: res.headers?.["x-sql-statements"],
      }),
    },
  });
}
