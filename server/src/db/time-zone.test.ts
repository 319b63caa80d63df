import type { DataSource } from "typeorm";
import { createDataSource, SESSION_TIME_ZONE } from "./data-source";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../test/databases";

describeEachDatabase("times the database computes itself", (dialect) => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = createDataSource(database.config);
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  if (dialect === "mysql")
    it("run every pooled connection in UTC, whatever the server's own zone", async () => {
      // Five queries at once take five connections of the pool (the first one was made by initialize()).
      const zones = await Promise.all(
        Array.from({ length: 5 }, () =>
          db.query("SELECT @@session.time_zone AS zone, CONNECTION_ID() AS id, SLEEP(0.05) AS s"),
        ),
      );
      const ids = new Set(zones.map((rows) => Number(rows[0].id)));
      expect(ids.size).toBeGreaterThan(1);
      for (const rows of zones) expect(rows[0].zone).toBe(SESSION_TIME_ZONE);
    });

  it("store CURRENT_TIMESTAMP defaults as UTC, as JavaScript reads them", async () => {
    await db.query("CREATE TABLE tz_probe (id INT PRIMARY KEY, at DATETIME DEFAULT CURRENT_TIMESTAMP)");
    const before = Date.now();
    await db.query("INSERT INTO tz_probe (id) VALUES (1)");
    const rows: { at: string | Date }[] = await db.query("SELECT at FROM tz_probe WHERE id = 1");
    const raw = rows[0].at;
    // SQLite returns text in UTC without a zone; mysql2 converts with timezone "Z".
    const at = raw instanceof Date ? raw.getTime() : Date.parse(`${String(raw).replace(" ", "T")}Z`);
    // Seconds precision: within two seconds of the insert, not hours off.
    expect(Math.abs(at - before)).toBeLessThan(2_000);
  });
});
