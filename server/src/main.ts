import "reflect-metadata";
import { startServer } from "./app";
import { loadConfig } from "./config";
import { createDataSource, dialectOf } from "./db/data-source";
import { migrate } from "./db/migrate";
import { seedIfEmpty } from "./demo/seed";
import { logger } from "./core/observability/logger";

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDataSource(config);
  await db.initialize();
  const applied = await migrate(db);
  if (applied.length) console.log(`database (${dialectOf(config)}): applied ${applied.join(", ")}`);
  if (config.SEED_ON_START === "if-empty") {
    const seeded = await seedIfEmpty(db);
    if (seeded)
      console.log(
        `database: loaded the Cần Thơ 2016 demo data (${seeded.units} units, ${seeded.pledges} pledges)`,
      );
  }
  const server = await startServer(config, db);
  if (server.servesClient) console.log(`Web client:     ${server.url.replace(/\/graphql$/, "/")}`);
  console.log(`GraphQL API:    ${server.url}`);
  console.log(`Subscriptions:  ${server.wsUrl}`);
  console.log(`Health:         ${server.url.replace(/\/graphql$/, "/healthz")}`);
  // The lines above are for people; log collectors get the same as one JSON line.
  logger.info({ url: server.url, wsUrl: server.wsUrl }, "listening");

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "draining HTTP and WebSocket connections");
    const timer = setTimeout(() => {
      logger.error({ graceMs: config.SHUTDOWN_GRACE_MS }, "shutdown grace period passed; exiting");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    await server.stop();
    await db.destroy();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
