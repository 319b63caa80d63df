import "reflect-metadata";
import { loadConfig } from "../config";
import { createDataSource, dialectOf } from "./data-source";
import { migrate } from "./migrate";

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDataSource(config);
  await db.initialize();
  const applied = await migrate(db);
  console.log(
    `${dialectOf(config)}: ${applied.length ? `applied ${applied.join(", ")}` : "schema already up to date"}`,
  );
  await db.destroy();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
