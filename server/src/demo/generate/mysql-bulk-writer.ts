import mysql, { type Connection } from "mysql2/promise";
import { escape } from "mysql2";
import { countRow, specOf, type BulkWriter } from "./bulk-writer";
import type { Encoded, Row, TableKey, TableSpec } from "./table-spec";

/** mysql2 only knows the mysql: scheme; the project's URLs may say mariadb:. */
export const driverUrl = (url: string) => url.replace(/^mariadb:/, "mysql:");

/** Characters that need escaping inside a single-quoted MySQL string (with backslash escapes, the default). */
const UNSAFE = /[\0'\\]/;

function literal(value: Encoded): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write the number ${value}.`);
    return String(value);
  }
  // Most values (JSON text full of double quotes included) have nothing to escape: quote them as they are, and
  // leave the rest to mysql2's escaping. Megabytes of event JSON make this worth it.
  return UNSAFE.test(value) ? escape(value) : `'${value}'`;
}

interface Batch {
  key: TableKey;
  sql: string;
  rows: number;
}

/**
 * Bulk inserts on MySQL/MariaDB over its own mysql2 connections: multi-row INSERT statements of a few MB (each
 * its own transaction under autocommit), with foreign-key and unique checks off for these sessions only. Two
 * connections keep the server busy while Node builds the next batch.
 */
export class MysqlBulkWriter implements BulkWriter {
  readonly written = new Map<TableKey, number>();
  private readonly buffers = new Map<TableKey, { parts: string[]; chars: number }>();
  private readonly queue: Batch[] = [];
  private readonly idle: Connection[];
  private readonly inflight = new Set<Promise<void>>();
  private failure: Error | null = null;

  private constructor(
    private readonly connections: Connection[],
    private readonly specs: Map<TableKey, TableSpec>,
    private readonly maxChars: number,
  ) {
    this.idle = [...connections];
  }

  static async open(
    url: string,
    specs: Map<TableKey, TableSpec>,
    connectionCount = 2,
  ): Promise<MysqlBulkWriter> {
    const connections: Connection[] = [];
    for (let i = 0; i < connectionCount; i++) {
      const connection = await mysql.createConnection({
        uri: driverUrl(url),
        charset: "UTF8MB4_UNICODE_CI",
        timezone: "Z",
      });
      await connection.query("SET SESSION foreign_key_checks = 0, unique_checks = 0");
      connections.push(connection);
    }
    const [rows] = await connections[0].query("SELECT @@max_allowed_packet AS packet");
    const packet = Number((rows as { packet: number | string }[])[0].packet);
    // Characters, not bytes: a Vietnamese character takes up to 3 bytes in UTF-8, so stay at a quarter.
    const maxChars = Math.max(64 * 1024, Math.min(4 * 1024 * 1024, Math.floor(packet / 4)));
    return new MysqlBulkWriter(connections, specs, maxChars);
  }

  add(key: TableKey, row: Row): void {
    const spec = specOf(this.specs, key);
    let buffer = this.buffers.get(key);
    if (!buffer) this.buffers.set(key, (buffer = { parts: [], chars: 0 }));
    let tuple = "(";
    const columns = spec.columns;
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) tuple += ",";
      tuple += literal(columns[i].encode(row));
    }
    tuple += ")";
    buffer.parts.push(tuple);
    buffer.chars += tuple.length + 1;
    if (buffer.chars >= this.maxChars) this.enqueue(key);
  }

  private enqueue(key: TableKey): void {
    const buffer = this.buffers.get(key);
    if (!buffer?.parts.length) return;
    const spec = specOf(this.specs, key);
    const columns = spec.columns.map((c) => `\`${c.name}\``).join(",");
    this.queue.push({
      key,
      sql: `INSERT INTO \`${spec.table}\` (${columns}) VALUES ${buffer.parts.join(",")}`,
      rows: buffer.parts.length,
    });
    this.buffers.set(key, { parts: [], chars: 0 });
  }

  private send(batch: Batch): void {
    const connection = this.idle.pop()!;
    const done: Promise<void> = connection
      .query(batch.sql)
      .then(
        () => countRow(this.written, batch.key, batch.rows),
        (error: Error) => {
          this.failure ??= new Error(`Writing ${batch.key} failed: ${error.message}`);
        },
      )
      .finally(() => {
        this.idle.push(connection);
        this.inflight.delete(done);
      });
    this.inflight.add(done);
  }

  async checkpoint(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.failure) throw this.failure;
      if (this.idle.length === 0) {
        await Promise.race(this.inflight);
        continue;
      }
      this.send(this.queue.shift()!);
    }
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<void> {
    for (const key of this.buffers.keys()) this.enqueue(key);
    await this.checkpoint();
    await Promise.all(this.inflight);
    if (this.failure) throw this.failure;
  }

  get sessions(): number {
    return this.connections.length;
  }

  /** Runs a statement on one of the writer's sessions (before any `add` or after `finish`). */
  async query(sql: string, session = 0): Promise<unknown> {
    const [rows] = await this.connections[session].query(sql);
    return rows;
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.end().catch(() => undefined)));
  }
}
