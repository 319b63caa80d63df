import type { DataSource } from "typeorm";
import { rebuildCounters } from "../features/counters/counters.rebuild";

/**
 * Applies pending migrations, each in its own transaction. Returns the names applied. When the migration that
 * creates the subtree counters is among them, fills the counters from the data already there.
 */
export async function migrate(db: DataSource): Promise<string[]> {
  const applied = await db.runMigrations({ transaction: "each" });
  if (applied.some((m) => m.name.startsWith("SubtreeCounters"))) await rebuildCounters(db);
  return applied.map((m) => m.name);
}
