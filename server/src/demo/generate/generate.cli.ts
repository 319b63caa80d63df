import "reflect-metadata";
import { parseArgs } from "node:util";
import { generate } from "./generate";
import { SCALE_NAMES, type ScaleName } from "./scales";

const USAGE = `Usage: pnpm demo:generate --scale ${SCALE_NAMES.join("|")} [--database-url mariadb://…|--sqlite file] [--seed N] [--reset]

Loads a generated dataset into an empty database (migrating it first): city = the Cần Thơ 2016 demo,
national = 63 provinces, ~700 districts, 11,000 communes, 100,000 cells, ~1M pledges, ~2M events;
tiny = a small country for tests. Without --database-url or --sqlite, the configured database (DATABASE_URL).`;

/** `pnpm demo:generate`: see USAGE. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      "database-url": { type: "string" },
      sqlite: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scale = values.scale as ScaleName | undefined;
  if (!scale || !SCALE_NAMES.includes(scale))
    throw new Error(`--scale must be one of ${SCALE_NAMES.join(", ")}.\n\n${USAGE}`);
  if (values["database-url"] && values.sqlite) throw new Error("Give --database-url or --sqlite, not both.");
  const seed = values.seed != null ? Number(values.seed) : undefined;
  if (seed != null && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff))
    throw new Error("--seed must be an integer from 0 to 4294967295.");
  const report = await generate({
    scale,
    seed,
    databaseUrl: values["database-url"],
    sqliteFile: values.sqlite,
    reset: values.reset,
    log: (line) => console.log(line),
  });
  console.log(`\n${report.scale} (seed ${report.seed}) loaded into ${report.dialect} ${report.target}`);
  const width = Math.max(...Object.keys(report.counts).map((t) => t.length));
  for (const [table, n] of Object.entries(report.counts))
    console.log(`  ${table.padEnd(width)} ${n.toLocaleString("en").padStart(12)}`);
  const total = Object.values(report.counts).reduce((s, n) => s + n, 0);
  console.log(`  ${"total".padEnd(width)} ${total.toLocaleString("en").padStart(12)}`);
  console.log(
    report.counters === "rebuilt"
      ? "Counters rebuilt from the rows."
      : "No counters module (server/src/features/counters/counters.rebuild): counters not rebuilt.",
  );
  console.log(`Elapsed: ${(report.elapsedMs / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
