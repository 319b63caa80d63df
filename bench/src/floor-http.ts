/**
 * The HTTP floor, run as its own process: a bare `node:http` handler that answers (b) and (c) with hand-written
 * SQL and JSON.stringify. Argument: JSON { databaseUrl?, sqliteFile?, root, year }. Prints "FLOOR <port>".
 */
import http from "node:http";
import mysql from "mysql2/promise";
import { citySummary, pageOfCells, type Query } from "./floor-queries.js";
import { openSqlite } from "./sqlite.js";

interface FloorArgs {
  databaseUrl?: string;
  sqliteFile?: string;
  root: string;
  year: number;
  month: number;
}

const args = JSON.parse(process.argv[2]) as FloorArgs;

function connect(): Query {
  if (args.databaseUrl) {
    // The server's pool has 10 connections (server/src/db/data-source.ts): the same here.
    const pool = mysql.createPool({
      uri: args.databaseUrl.replace(/^mariadb:/, "mysql:"),
      connectionLimit: 10,
      charset: "utf8mb4_unicode_ci",
      timezone: "Z",
      dateStrings: ["DATE"],
    });
    return async (sql, params) => (await pool.query(sql, params))[0] as Record<string, any>[];
  }
  const db = openSqlite(args.sqliteFile!, true);
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  return async (sql, params) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement.all(...params) as Record<string, any>[];
  };
}

const query = connect();

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  const root = url.searchParams.get("root") ?? args.root;
  const answer =
    url.pathname === "/cells"
      ? pageOfCells(query, root, Number(url.searchParams.get("first") ?? 50), args.year)
      : url.pathname === "/summary"
        ? citySummary(query, root, args.year, args.month, url.searchParams.get("compliance") !== "0")
        : null;
  if (!answer) {
    response.writeHead(404).end();
    return;
  }
  answer.then(
    (body) => {
      const json = JSON.stringify(body);
      response.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(json),
      });
      response.end(json);
    },
    (error: Error) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(error.message);
    },
  );
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`FLOOR ${(server.address() as { port: number }).port}`);
});
process.on("SIGTERM", () => process.exit(0));
