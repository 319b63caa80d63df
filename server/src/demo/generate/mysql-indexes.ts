import type { MysqlBulkWriter } from "./mysql-bulk-writer";

/** Secondary indexes dropped before a bulk load and built again after it, in one sorted pass per table. */
export interface DeferredIndexes {
  table: string;
  definitions: string[];
}

interface IndexColumn {
  name: string;
  column: string;
  subPart: number | string | null;
}

/**
 * Drops the non-unique secondary indexes of a table that takes part in no foreign key, and returns how to
 * build them again: with a buffer pool far smaller than the table, maintaining random-order indexes row by row
 * is what makes a load of millions of rows slow. Returns null (and drops nothing) for tables with foreign keys.
 */
export async function deferSecondaryIndexes(
  writer: MysqlBulkWriter,
  table: string,
): Promise<DeferredIndexes | null> {
  const quoted = `'${table.replace(/'/g, "''")}'`;
  const keys = (await writer.query(
    `SELECT COUNT(*) AS n FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()
     AND REFERENCED_TABLE_NAME IS NOT NULL AND (TABLE_NAME = ${quoted} OR REFERENCED_TABLE_NAME = ${quoted})`,
  )) as { n: number | string }[];
  if (Number(keys[0].n) > 0) return null;
  const columns = (await writer.query(
    `SELECT INDEX_NAME AS name, COLUMN_NAME AS \`column\`, SUB_PART AS subPart FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${quoted} AND NON_UNIQUE = 1 AND INDEX_NAME <> 'PRIMARY'
     ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
  )) as IndexColumn[];
  const byIndex = new Map<string, string[]>();
  for (const c of columns) {
    const list = byIndex.get(c.name) ?? [];
    list.push(c.subPart != null ? `\`${c.column}\`(${Number(c.subPart)})` : `\`${c.column}\``);
    byIndex.set(c.name, list);
  }
  if (byIndex.size === 0) return null;
  const names = [...byIndex.keys()];
  await writer.query(`ALTER TABLE \`${table}\` ${names.map((n) => `DROP INDEX \`${n}\``).join(", ")}`);
  return {
    table,
    definitions: names.map((n) => `ADD INDEX \`${n}\` (${byIndex.get(n)!.join(", ")})`),
  };
}

export async function restoreIndexes(writer: MysqlBulkWriter, deferred: DeferredIndexes): Promise<void> {
  await writer.query(`ALTER TABLE \`${deferred.table}\` ${deferred.definitions.join(", ")}`);
}
