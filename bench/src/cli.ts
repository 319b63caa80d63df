/**
 * `pnpm bench [http] [fanout] [options]`: measures the API side by side with hand-written floors in one run,
 * prints the tables and writes bench/results/<date>-<scenarios>.json. `pnpm bench profile <file.cpuprofile>`
 * summarises a profile. See docs/benchmarks.md.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import {
  datasetSize,
  freshDatabase,
  mysql2Url,
  mysqlReachable,
  sqliteDatasetSize,
  temporarySqliteStore,
  databaseUrl,
  type BenchDatabase,
  type Store,
} from "./databases.js";
import { runFanout, type FanoutResult } from "./fanout.js";
import { runHttp, type HttpResult } from "./http-scenarios.js";
import { describeMachine } from "./machine.js";
import { PROFILES_DIR, RESULTS_DIR, SERVER_MAIN } from "./paths.js";
import { formatProfile, summariseProfile, type ProfileSummary } from "./profile.js";
import { profiled } from "./server-process.js";
import {
  checkTargets,
  fanoutRatios,
  fanoutTable,
  httpTable,
  machineLine,
  sqlTable,
  targetsTable,
} from "./report.js";

const USAGE = `pnpm bench [http] [fanout] [options]        (no scenario: both)
pnpm bench profile <file.cpuprofile>            summarise a CPU profile

  --database-url URL    database for the HTTP scenarios (default: MariaDB at_national when it holds data,
                        else a fresh Cần Thơ demo database bench_cantho)
  --dataset NAME        auto (default): at_national when complete, else Cần Thơ; national; cantho (fresh)
  --mysql-url URL       MariaDB/MySQL server for the bench's own databases (default mariadb://root@127.0.0.1:3306)
  --sqlite              use SQLite files instead of MariaDB
  --root CODE           unit whose subtree (b) pages and (c) sums up (default 92, Cần Thơ, or on a
                        national dataset its first province; (d) then sums up the whole country)
  --year N              year of pledges and assignments (default 2016)
  --month N             month of the visit-compliance figure in (c) (default 9: both datasets have visits then)
  --user NAME           signed-in user of the HTTP scenarios (default admin)
  --only LIST           HTTP scenarios to run, e.g. b or a,c (default all)
  --connections N       autocannon connections (default 10)
  --duration S          measured seconds per HTTP scenario (default 10)
  --warmup S            warm-up seconds before each (default 3)
  --clients LIST        fan-out sizes (default 1000,5000,10000)
  --confirmations N     confirmations per fan-out size (default 100)
  --rate N              confirmations per second (default 10)
  --client KIND         fan-out clients: protocol (default; graphql-transport-ws over bare ws sockets, light)
                        or library (graphql-ws's createClient, which parses and checks every message)
  --scale-local         fan-out through nginx in front of three API processes and Redis (pnpm scale:local's
                        shape; needs MariaDB and nginx); RSS and CPU are summed over the processes
  --cpu-prof            run the API servers under --cpu-prof; profiles go to bench/results/profiles
  --no-response-cache   measure only the API with RESPONSE_CACHE=off (by default each HTTP scenario also runs
                        against a second API process with its response cache on)
  --no-write            do not write the JSON results`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "database-url": { type: "string" },
    "mysql-url": { type: "string", default: "mariadb://root@127.0.0.1:3306" },
    dataset: { type: "string", default: "auto" },
    sqlite: { type: "boolean", default: false },
    root: { type: "string" },
    year: { type: "string", default: "2016" },
    month: { type: "string", default: "9" },
    user: { type: "string", default: "admin" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    clients: { type: "string", default: "1000,5000,10000" },
    confirmations: { type: "string", default: "100" },
    rate: { type: "string", default: "10" },
    "cpu-prof": { type: "boolean", default: false },
    "no-response-cache": { type: "boolean", default: false },
    "scale-local": { type: "boolean", default: false },
    only: { type: "string" },
    client: { type: "string", default: "protocol" },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

const log = (line: string) => console.log(line);

/** The database of the HTTP scenarios: the one named, else the national dataset when there, else a fresh demo. */
async function httpDatabase(store: Store): Promise<BenchDatabase> {
  if (values["database-url"])
    return { label: values["database-url"].replace(/\/\/[^@]*@/, "//"), url: values["database-url"] };
  const dataset = values.dataset;
  if (dataset !== "auto" && dataset !== "national" && dataset !== "cantho")
    throw new Error(`--dataset must be auto, national or cantho, got "${dataset}"`);
  if (store.kind === "mysql" && dataset !== "cantho") {
    const national = databaseUrl(store.serverUrl, "at_national");
    const size = await datasetSize(national);
    // Users and events are among the last rows the generator writes: a half-loaded database has none.
    if (size && size.pledges > 0 && size.events > 0 && size.users > 0)
      return { label: "MariaDB at_national (national dataset)", url: national };
    if (dataset === "national")
      throw new Error(
        `at_national is missing or incomplete (${JSON.stringify(size)}): pnpm demo:generate --scale national`,
      );
  }
  return freshDatabase(store, "bench_cantho");
}

async function mariadbVersion(store: Store): Promise<string | null> {
  if (store.kind !== "mysql") return null;
  const connection = await mysql.createConnection({ uri: mysql2Url(store.serverUrl) });
  try {
    const [rows] = await connection.query("SELECT VERSION() AS v");
    return String((rows as { v: string }[])[0].v);
  } finally {
    await connection.end();
  }
}

/** The temporary folder of SQLite databases, removed at the end. */
let sqliteDir: string | null = null;

async function main(): Promise<void> {
  if (values.help) return console.log(USAGE);
  if (positionals[0] === "profile") {
    if (!positionals[1]) throw new Error("pnpm bench profile <file.cpuprofile>");
    return console.log(
      formatProfile(summariseProfile(path.resolve(process.env.INIT_CWD ?? ".", positionals[1]))),
    );
  }
  const unknown = positionals.filter((p) => p !== "http" && p !== "fanout");
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")}\n\n${USAGE}`);
  const scenarios = positionals.length ? [...new Set(positionals)] : ["http", "fanout"];
  const year = positiveInteger("year", values.year!);
  const sizes = values.clients!.split(",").map((s) => positiveInteger("clients", s.trim()));
  const started = Date.now();

  let store: Store;
  if (values.sqlite) store = temporarySqliteStore();
  else {
    const problem = await mysqlReachable(values["mysql-url"]!);
    if (problem) {
      log(`MariaDB not reachable at ${values["mysql-url"]} (${problem}): using SQLite`);
      store = temporarySqliteStore();
    } else store = { kind: "mysql", serverUrl: values["mysql-url"]! };
  }
  if (store.kind === "sqlite") sqliteDir = store.dir;
  const machine = describeMachine(await mariadbVersion(store));
  log(`bench: ${scenarios.join(" + ")} · ${machineLine(machine)}`);
  log(`server: ${SERVER_MAIN}`);

  let http: HttpResult | null = null;
  let httpDb: BenchDatabase | null = null;
  let dataset: unknown = null;
  if (scenarios.includes("http")) {
    httpDb = await httpDatabase(store);
    log(
      `HTTP on ${httpDb.label}, signed in as ${values.user} (signed-in users are not rate-limited; "user" cost limits)`,
    );
    http = await runHttp({
      database: httpDb,
      root: values.root ?? null,
      year,
      month: positiveInteger("month", values.month!),
      only: values.only?.split(",").map((s) => s.trim()),
      user: values.user!,
      connections: positiveInteger("connections", values.connections!),
      durationSeconds: positiveInteger("duration", values.duration!),
      warmupSeconds: Number(values.warmup),
      cpuProf: values["cpu-prof"]!,
      responseCache: !values["no-response-cache"],
      log,
    });
    dataset = httpDb.url ? await datasetSize(httpDb.url) : await sqliteDatasetSize(httpDb.sqliteFile!);
  }

  let fanout: FanoutResult[] | null = null;
  let fanoutDb: BenchDatabase | null = null;
  if (scenarios.includes("fanout")) {
    // The server holds one socket per client (plus its database and its own files): check before connecting.
    const limit = Number(machine.openFilesLimit);
    const largest = Math.max(...sizes);
    if (Number.isFinite(limit) && largest + 500 > limit)
      throw new Error(
        `ulimit -n is ${limit}: too low for ${largest} clients in one server process; raise it first (ulimit -n ${largest + 2000}, within ulimit -Hn)`,
      );
    if (values["scale-local"] && store.kind !== "mysql") throw new Error("--scale-local needs MariaDB/MySQL");
    fanoutDb = await freshDatabase(store, "bench_fanout");
    fanout = await runFanout({
      database: fanoutDb,
      sizes,
      confirmations: positiveInteger("confirmations", values.confirmations!),
      perSecond: positiveInteger("rate", values.rate!),
      year,
      cpuProf: values["cpu-prof"]!,
      scaleLocal: values["scale-local"]!,
      clientMode: values.client === "library" ? "library" : "protocol",
      log,
    });
  }

  const profiles: ProfileSummary[] = profiled
    .map((p) => ({ ...p, file: path.join(PROFILES_DIR, p.name) }))
    .filter((p) => fs.existsSync(p.file))
    .map((p) => summariseProfile(p.file, p.startupMs));
  const targets = checkTargets(http, fanout, httpDb?.label ?? "");
  const seconds = Math.round((Date.now() - started) / 1000);

  console.log(`\n## Results (${seconds} s) · ${machineLine(machine)}\n`);
  if (http && httpDb) {
    console.log(`HTTP: ${httpDb.label} ${JSON.stringify(dataset)}, root ${http.root}, year ${year}`);
    console.log(
      `${values.connections} connections, ${values.warmup} s warm-up + ${values.duration} s measured each\n`,
    );
    console.log(httpTable(http) + "\n");
    console.log("SQL statements per request, (b) by page size:\n");
    console.log(sqlTable(http) + "\n");
    console.log(`Response cache: ${http.responseCache}\n`);
    if (!http.floorAgrees.cells || !http.floorAgrees.summary)
      console.log(`WARNING: the floor's data differs from the API's: ${JSON.stringify(http.floorAgrees)}\n`);
  }
  if (fanout && fanoutDb) {
    console.log(
      `Fan-out${values["scale-local"] ? " through nginx and three API processes (scale:local)" : ", one API process"}: ${fanoutDb.label}, ${values.confirmations} confirmations at ${values.rate}/s per size\n`,
    );
    console.log(fanoutTable(fanout) + "\n");
    console.log(fanoutRatios(fanout) + "\n");
  }
  console.log("Targets (issue 7):\n");
  console.log(targetsTable(targets) + "\n");
  for (const profile of profiles) console.log(formatProfile(profile) + "\n");

  if (!values["no-write"]) {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const stamp = machine.date
      .slice(0, 16)
      .replace(/[:T]/g, "-")
      .replace(/-(\d\d)-(\d\d)$/, "-$1$2");
    const file = path.join(RESULTS_DIR, `${stamp}-${scenarios.join("-")}.json`);
    const options = { ...values };
    if (options["database-url"]) options["database-url"] = httpDb?.label;
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          machine,
          server: SERVER_MAIN,
          options,
          seconds,
          http: http && { database: httpDb?.label, dataset, ...http },
          fanout,
          targets,
          profiles,
        },
        null,
        2,
      ) + "\n",
    );
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
  }
}

main()
  .finally(() => {
    if (sqliteDir) fs.rmSync(sqliteDir, { recursive: true, force: true });
  })
  .then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
