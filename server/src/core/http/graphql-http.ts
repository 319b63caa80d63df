import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQueryString } from "node:querystring";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Context } from "../context";
import { BODY_NOT_JSON, BODY_TOO_LARGE, MAX_BODY_BYTES, errorsBody, tooManyTokens } from "../http-guards";
import { annotationsOf, logger, requestScope } from "../observability/logger";
import { applyPersistedOperation, type PersistedOperations } from "../persisted-operations";
import { LimitCode } from "../query-limits";
import type { SqlTally } from "../sql-counter";

/** A request as the request log left it: with its id. */
type GraphQLRequest = IncomingMessage & { id?: unknown };

export interface GraphQLHttpOptions {
  apollo: ApolloServer<Context>;
  /** The GraphQL endpoint's path ("/graphql"). */
  path: string;
  persistedOperations: PersistedOperations;
  /** Starts a request's log: its id (`req.id`), X-Request-Id and X-Instance-Id, the completion line. */
  beginLog(req: IncomingMessage, res: ServerResponse): void;
  /** The caller's address (the trusted proxies' X-Forwarded-For, as express's `req.ip`). */
  clientIp(req: IncomingMessage): string;
  /** The request's context: the caller from its credentials, refused with a GraphQLError. */
  context(req: IncomingMessage, clientIp: string, sql: SqlTally): Promise<Context>;
}

export interface GraphQLHttp {
  /**
   * Serves a POST of JSON to the GraphQL path by itself, in front of express, and returns true; returns false
   * for any other request (express then serves it: GET, other content types or encodings, other paths).
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Serves a GraphQL request whose body express has parsed (undefined for GET). */
  serve(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void>;
}

/** The content types the fast path reads itself (express.json's default type, UTF-8); others go to express. */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const TOO_LARGE = Symbol("too large");
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The search part of a request URL ("?…"), or "". */
function searchOf(url: string | undefined): string {
  const at = url?.indexOf("?") ?? -1;
  return at < 0 ? "" : url!.slice(at);
}

/**
 * The body as text, as express.json (raw-body) reads it: at most `limit` bytes, declared or received (TOO_LARGE
 * once the rest is read off, so that the answer reaches the client), null when the request is aborted.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE | null> {
  return new Promise((resolve) => {
    let tooLarge = Number(req.headers["content-length"]) > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.once("end", () => {
      if (tooLarge) resolve(TOO_LARGE);
      else resolve((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString("utf8"));
    });
    req.once("error", () => resolve(null));
    req.once("close", () => resolve(null));
  });
}

/**
 * express.json's parse (strict): an empty body is `{}`, a byte-order mark is dropped, anything but an object or
 * an array is refused; undefined when the text is not such JSON.
 */
function parseBody(text: string): { body: unknown } | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return { body: {} };
  const first = text[0] === "{" || text[0] === "[" ? text[0] : /^[ \t\n\r]*([^ \t\n\r])/.exec(text)?.[1];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return { body: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Writes a complete response body; a GET through express keeps express's ETag and 304 for a fresh copy. */
function end(req: IncomingMessage, res: ServerResponse, body: string): void {
  const viaExpress = res as ServerResponse & { send?: (body: string) => unknown };
  if (req.method === "GET" && typeof viaExpress.send === "function") {
    viaExpress.send(body);
    return;
  }
  res.setHeader("content-length", Buffer.byteLength(body));
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("content-type", JSON_CONTENT_TYPE);
  end(req, res, body);
}

/**
 * GraphQL over HTTP on node:http: the request log, the body (1 MiB at most, strict JSON), persisted operations,
 * the token limit, then Apollo Server (`executeHTTPGraphQLRequest`) in the request's scope (its id, log
 * annotations and SQL tally); the response with X-SQL-Statements. The common request, a POST of JSON, never goes
 * through express (its router, body parser and response helpers cost a large share of a cheap operation);
 * express serves the others through `serve`, after express.json, with the same answers.
 */
export function graphqlHttp(options: GraphQLHttpOptions): GraphQLHttp {
  const { apollo, path, persistedOperations } = options;
  const prefix = `${path}?`;

  async function serve(req: GraphQLRequest, res: ServerResponse, body: unknown): Promise<void> {
    const persistedError = applyPersistedOperation(persistedOperations, req.method, body);
    if (persistedError)
      return sendJson(req, res, 200, JSON.stringify({ errors: [persistedError.toJSON()] }), {
        "cache-control": "private, no-cache, must-revalidate",
      });
    const search = searchOf(req.url);
    const tooMany = tooManyTokens(
      body,
      search ? parseQueryString(search.slice(1)).query : undefined,
      req.headers.authorization,
    );
    if (tooMany != null) return sendJson(req, res, 400, errorsBody(LimitCode.TOO_MANY_TOKENS, tooMany));

    const headers = new HeaderMap();
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const sql: SqlTally = { statements: 0 };
    const clientIp = options.clientIp(req);
    const response = await requestScope.run(
      { requestId: String(req.id), annotations: annotationsOf(res), sql },
      () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body },
          context: () => options.context(req, clientIp, sql),
        }),
    );
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.setHeader("x-sql-statements", String(sql.statements));
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") return end(req, res, response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  function failed(res: ServerResponse, error: unknown): void {
    logger.error({ err: error }, "the GraphQL request failed outside Apollo Server");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = 500;
    res.setHeader("content-type", JSON_CONTENT_TYPE);
    res.end(errorsBody("INTERNAL_SERVER_ERROR", "Internal server error"));
  }

  async function readAndServe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req, MAX_BODY_BYTES);
    if (text === null) return;
    if (text === TOO_LARGE)
      return sendJson(
        req,
        res,
        BODY_TOO_LARGE.status,
        errorsBody(BODY_TOO_LARGE.code, BODY_TOO_LARGE.message),
      );
    const parsed = parseBody(text);
    if (!parsed)
      return sendJson(req, res, BODY_NOT_JSON.status, errorsBody(BODY_NOT_JSON.code, BODY_NOT_JSON.message));
    await serve(req, res, parsed.body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "POST") return false;
    const url = req.url ?? "";
    if (url !== path && !url.startsWith(prefix)) return false;
    const type = req.headers["content-type"];
    if (type === undefined || !JSON_TYPE.test(type)) return false;
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false;
    // No body at all: express.json leaves it unread, and Apollo Server answers.
    if (req.headers["transfer-encoding"] === undefined && req.headers["content-length"] === undefined)
      return false;
    options.beginLog(req, res);
    readAndServe(req, res).catch((error: unknown) => failed(res, error));
    return true;
  }

  return {
    handle,
    serve: (req, res, body) => serve(req, res, body),
  };
}
