#!/usr/bin/env node
/**
 * `pnpm scale:local`: the production shape on this machine — Debian's nginx on :8080 in front of three API
 * processes (the built server), a dedicated MariaDB database (tracker_scale) and Redis. Prints the URLs; Ctrl-C
 * stops everything. Options: --instances N, --port P, --database NAME, --fresh (drop and recreate the database),
 * --no-seed. SCALE_MYSQL_URL and SCALE_REDIS_URL point at other servers; other variables (EVENT_POLL_MS,
 * LOG_LEVEL…) pass through to the API processes.
 */
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const { startScaleLocal } = require("./scale-local-core.cjs");

const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "3" },
    port: { type: "string", default: "8080" },
    database: { type: "string", default: "tracker_scale" },
    fresh: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
  },
});

try {
  const shape = await startScaleLocal({
    instances: Number(values.instances),
    port: Number(values.port),
    database: values.database,
    fresh: values.fresh,
    seed: !values["no-seed"],
  });
  console.log("");
  if (shape.servesClient) console.log(`Web client:     ${shape.url}`);
  else console.log(`Web client:     (client/dist is missing: pnpm build)`);
  console.log(`GraphQL API:    ${shape.graphqlUrl}`);
  console.log(`Subscriptions:  ${shape.wsUrl}`);
  console.log(`Database:       ${shape.databaseUrl}`);
  for (const instance of shape.instances)
    console.log(
      `${instance.id}:          ${instance.url}  metrics ${instance.metricsUrl}  log ${instance.logFile}`,
    );
  console.log(`nginx:          ${shape.dir}/nginx.conf (pid ${shape.nginxPid})`);
  console.log("Ctrl-C stops everything.");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping nginx and the API processes…");
    await shape.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`scale:local: ${error.message}`);
  process.exit(1);
}
