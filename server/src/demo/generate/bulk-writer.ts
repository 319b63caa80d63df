import type { Row, TableKey, TableSpec } from "./table-spec";

/**
 * Where the builders put rows. Rows are buffered per table and written in multi-row INSERT batches, one
 * transaction each; never one statement per row. `add` is synchronous so builders stay simple loops; they call
 * `checkpoint` now and then, which lets full batches go out and waits when too many are in flight.
 */
export interface BulkWriter {
  add(key: TableKey, row: Row): void;
  checkpoint(): Promise<void>;
  /** Writes what is still buffered and waits for every batch. */
  finish(): Promise<void>;
  /** Rows handed to the database per table (after `finish`, rows written). */
  readonly written: Map<TableKey, number>;
  close(): Promise<void>;
}

/** Counts rows per table; shared by both writers. */
export function countRow(written: Map<TableKey, number>, key: TableKey, n = 1): void {
  written.set(key, (written.get(key) ?? 0) + n);
}

export function specOf(specs: Map<TableKey, TableSpec>, key: TableKey): TableSpec {
  const spec = specs.get(key);
  if (!spec) throw new Error(`No table for "${key}".`);
  return spec;
}
