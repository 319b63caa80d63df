import type { DataSource } from "typeorm";

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function migrate(db: DataSource): Promise<string[]> {
  const applied = await db.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}
