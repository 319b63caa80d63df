import type { MysqlBulkWriter } from "./mysql-bulk-writer";

/** Secondary indexes dropped before a bulk load and built again after it, in one sorted pass per table. */
export interface DeferredIndexes {
  table: string;
  definitions: string[];
}

/** A row of SHOW INDEX. */
interface IndexColumn {
  Key_name: string;
  Non_unique: number | string;
  Seq_in_index: number | string;
  Column_name: string;
  Sub_part: number | string | null;
  Index_type: string;
}

/**
 * Drops the non-unique secondary indexes of a table and returns how to build them again: with a buffer pool far
 * smaller than the data, maintaining indexes row by row is what makes a load of millions of rows slow; a sorted
 * build afterwards is one pass. The writer's sessions run with foreign_key_checks = 0, which lets MariaDB/MySQL
 * drop an index a foreign key uses; it is back, under the same name and columns, before the load ends.
 */
export async function deferSecondaryIndexes(
  writer: MysqlBulkWriter,
  table: string,
): Promise<DeferredIndexes | null> {
  // SHOW INDEX lists indexes in the table's own order, so they come back in the same order.
  const columns = (await writer.query(`SHOW INDEX FROM \`${table}\``)) as IndexColumn[];
  // Only plain B-tree indexes are rebuilt here; a table with any other kind keeps its indexes.
  if (columns.some((c) => c.Index_type !== "BTREE")) return null;
  const byIndex = new Map<string, string[]>();
  for (const c of columns) {
    if (c.Key_name === "PRIMARY" || Number(c.Non_unique) !== 1) continue;
    const list = byIndex.get(c.Key_name) ?? [];
    list[Number(c.Seq_in_index) - 1] =
      c.Sub_part != null ? `\`${c.Column_name}\`(${Number(c.Sub_part)})` : `\`${c.Column_name}\``;
    byIndex.set(c.Key_name, list);
  }
  if (byIndex.size === 0) return null;
  const names = [...byIndex.keys()];
  await writer.query(`ALTER TABLE \`${table}\` ${names.map((n) => `DROP INDEX \`${n}\``).join(", ")}`);
  return {
    table,
    definitions: names.map((n) => `ADD INDEX \`${n}\` (${byIndex.get(n)!.join(", ")})`),
  };
}

/** Builds the dropped indexes again, a table per writer session at a time. */
export async function restoreIndexes(writer: MysqlBulkWriter, deferred: DeferredIndexes[]): Promise<void> {
  const queue = [...deferred];
  await Promise.all(
    Array.from({ length: writer.sessions }, async (_, session) => {
      for (let next = queue.shift(); next; next = queue.shift())
        await writer.query(`ALTER TABLE \`${next.table}\` ${next.definitions.join(", ")}`, session);
    }),
  );
}
