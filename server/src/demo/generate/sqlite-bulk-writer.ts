import type { Database, Statement } from "better-sqlite3";
import type { DataSource } from "typeorm";
import { countRow, specOf, type BulkWriter } from "./bulk-writer";
import type { Encoded, Row, TableKey, TableSpec } from "./table-spec";

const ROWS_PER_TRANSACTION = 5000;
/** SQLite binds at most 32,766 parameters a statement (3.32+); stay well below. */
const MAX_PARAMETERS = 30000;
const MAX_ROWS_PER_STATEMENT = 500;

/**
 * Bulk inserts on better-sqlite3, on the data source's own connection: prepared multi-row INSERTs, a
 * transaction per batch, foreign keys off while loading and checked (PRAGMA foreign_key_check) at the end.
 */
export class SqliteBulkWriter implements BulkWriter {
  readonly written = new Map<TableKey, number>();
  private readonly buffers = new Map<TableKey, Encoded[][]>();
  private readonly statements = new Map<string, Statement>();
  private readonly synchronous: unknown;

  constructor(
    private readonly sqlite: Database,
    private readonly specs: Map<TableKey, TableSpec>,
  ) {
    this.synchronous = sqlite.pragma("synchronous", { simple: true });
    sqlite.pragma("foreign_keys = OFF");
    sqlite.pragma("synchronous = OFF");
  }

  static forDataSource(db: DataSource, specs: Map<TableKey, TableSpec>): SqliteBulkWriter {
    const driver = db.driver as unknown as { databaseConnection: Database };
    return new SqliteBulkWriter(driver.databaseConnection, specs);
  }

  add(key: TableKey, row: Row): void {
    const spec = specOf(this.specs, key);
    let buffer = this.buffers.get(key);
    if (!buffer) this.buffers.set(key, (buffer = []));
    buffer.push(spec.columns.map((c) => c.encode(row)));
    if (buffer.length >= ROWS_PER_TRANSACTION) this.flush(key);
  }

  private statement(spec: TableSpec, rows: number): Statement {
    const cacheKey = `${spec.table}:${rows}`;
    let statement = this.statements.get(cacheKey);
    if (!statement) {
      const one = `(${spec.columns.map(() => "?").join(",")})`;
      const columns = spec.columns.map((c) => `"${c.name}"`).join(",");
      statement = this.sqlite.prepare(
        `INSERT INTO "${spec.table}" (${columns}) VALUES ${Array(rows).fill(one).join(",")}`,
      );
      this.statements.set(cacheKey, statement);
    }
    return statement;
  }

  private flush(key: TableKey): void {
    const rows = this.buffers.get(key);
    if (!rows?.length) return;
    const spec = specOf(this.specs, key);
    const perStatement = Math.max(
      1,
      Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / spec.columns.length)),
    );
    this.sqlite.transaction(() => {
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        this.statement(spec, chunk.length).run(chunk.flat());
      }
    })();
    countRow(this.written, key, rows.length);
    this.buffers.set(key, []);
  }

  async checkpoint(): Promise<void> {
    // Synchronous driver: batches are written as they fill. Yield so progress timers can run.
    await new Promise((resolve) => setImmediate(resolve));
  }

  async finish(): Promise<void> {
    for (const key of this.buffers.keys()) this.flush(key);
    this.sqlite.pragma("foreign_keys = ON");
    this.sqlite.pragma(`synchronous = ${Number(this.synchronous)}`);
    const broken = this.sqlite.pragma("foreign_key_check") as { table: string; parent: string }[];
    if (broken.length > 0) {
      const first = broken[0];
      throw new Error(
        `Generated data breaks ${broken.length} foreign keys (first: ${first.table} → ${first.parent}).`,
      );
    }
  }

  async close(): Promise<void> {
    this.statements.clear();
  }
}
