import "reflect-metadata";
import { loadConfig } from "../config";
import { createDataSource, dialectOf } from "../db/data-source";
import { migrate } from "../db/migrate";
import { seedIfEmpty } from "./seed";

/** `pnpm db:seed`: migrates, then loads the demo data into an empty database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDataSource(config);
  await db.initialize();
  await migrate(db);
  const report = await seedIfEmpty(db);
  console.log(
    report
      ? `${dialectOf(config)}: demo data loaded: ${JSON.stringify(report)}`
      : `${dialectOf(config)}: the database already has data; nothing loaded.`,
  );
  await db.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
