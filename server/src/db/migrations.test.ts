import { describeEachDatabase, createTestDatabase } from "../test/databases";
import { createDataSource } from "./data-source";
import { EventLock } from "../features/events/event-lock.entity";
import { entities } from "./entities";
import { migrate } from "./migrate";

describeEachDatabase("migrations", (dialect) => {
  it("create the entities' schema exactly, and revert to an empty database", async () => {
    const database = await createTestDatabase(dialect);
    const db = createDataSource(database.config);
    try {
      await db.initialize();
      const applied = await migrate(db);
      expect(applied.length).toBeGreaterThan(0);
      // Nothing left for the schema builder to do: the migrations match the entities.
      const pending = await db.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      // Empty, but for the single row of event_lock that the migration writes.
      for (const entity of entities)
        expect(await db.getRepository(entity).count()).toBe(entity === EventLock ? 1 : 0);
      for (let i = 0; i < applied.length; i++) await db.undoLastMigration();
      await expect(db.query("SELECT COUNT(*) FROM org_unit")).rejects.toThrow();
    } finally {
      if (db.isInitialized) await db.destroy();
      await database.drop();
    }
  });
});
