import { startChild, type Child } from "./children.js";
import type { BenchDatabase } from "./databases.js";
import { now, type FromWorker, type StartClients } from "./fanout-protocol.js";
import { DASHBOARD_SUBSCRIPTION } from "./queries.js";
import { sampleDuring, usage } from "./sampler.js";
import { startApi } from "./fanout-api.js";
import { startServer, type ServerProcess } from "./server-process.js";
import { percentile, ratio, round, sortedFloat64 } from "./stats.js";

export interface FanoutOptions {
  /** How the clients speak graphql-ws (see StartClients.mode). */
  clientMode: "protocol" | "library";
  /** Through nginx in front of three API processes with Redis (`pnpm scale:local`) instead of one process. */
  scaleLocal: boolean;
  database: BenchDatabase;
  sizes: number[];
  confirmations: number;
  perSecond: number;
  year: number;
  cpuProf: boolean;
  log: (line: string) => void;
}

export interface DeliveryFigures {
  clients: number;
  connectFailures: number;
  connectSeconds: number | null;
  /** Clients whose dashboard covers the confirmed pledges' unit. */
  affectedClients: number;
  expected: number;
  /** (client, confirmation) pairs that arrived. */
  delivered: number;
  lost: number;
  messages: number;
  payloadBytes: number;
  latencyMs: { p50: number | null; p99: number | null; max: number | null };
  /** Latency counted from the moment the mutation was sent instead of from its response. */
  latencyFromSendMs?: { p50: number | null; p99: number | null; max: number | null };
  rssBaselineMb: number | null;
  rssConnectedMb: number | null;
  rssPerConnectionKb: number | null;
  cpuCores: number | null;
  peakCpuCores: number | null;
  cpuSeconds: number | null;
  errorsAfterReady: number;
  closedAfterReady: number;
  firstError: string | null;
}

export interface FanoutResult {
  clients: number;
  api: DeliveryFigures;
  floor: DeliveryFigures;
  ratios: {
    p50: number | null;
    p99: number | null;
    rssPerConnection: number | null;
    cpuSeconds: number | null;
  };
}

const CONFIRM = `mutation Confirm($id: ID!) { confirmPledge(input: { id: $id }) { id status } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number | null | undefined) => (bytes == null ? null : round(bytes / 1024 / 1024, 1));

interface Setup {
  committeeToken: string;
  viewerToken: string;
  /** Reported pledges, `confirmations` per size, confirmed in this order. */
  pledgeIds: string[];
  /** Units the clients subscribe to: the city and its districts. */
  units: string[];
  /** Those of `units` whose subtree holds the pledges' unit. */
  affected: string[];
}

/**
 * Prepares the fan-out data through the API, as users would: member.codo registers and reports the pledges of
 * its Trung An cell; committee.trungan (the xã committee directly above the cell) will confirm them.
 */
async function prepare(server: ServerProcess, options: FanoutOptions): Promise<Setup> {
  const [memberToken, committeeToken, viewerToken] = [
    await server.signIn("member.codo"),
    await server.signIn("committee.trungan"),
    await server.signIn("viewer.city"),
  ];
  const me = await server.data(
    `query($year: Int!) { viewer { member { assignments(year: $year) { id unit { code ancestors { code } } } } } }`,
    { year: options.year },
    memberToken,
  );
  const assignment = me.viewer.member.assignments[0];
  if (!assignment) throw new Error(`member.codo has no assignment in ${options.year}`);
  const city = await server.data(`{ orgUnit(code: "92") { code children { code } } }`, {}, viewerToken);
  const units: string[] = [city.orgUnit.code, ...city.orgUnit.children.map((c: { code: string }) => c.code)];
  const lineage = new Set<string>([
    assignment.unit.code,
    ...assignment.unit.ancestors.map((a: any) => a.code),
  ]);
  const total = options.sizes.length * options.confirmations;
  const pledgeIds: string[] = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < total) {
        const i = next++;
        const registered = await server.data(
          `mutation($a: ID!, $year: Int!, $title: String!) {
             registerPledge(input: { assignment: $a, year: $year, title: $title, category: HEALTH }) { id } }`,
          {
            a: assignment.id,
            year: options.year,
            title: `Vận động hộ dân tham gia bảo hiểm y tế (bench ${i + 1})`,
          },
          memberToken,
        );
        const id = registered.registerPledge.id as string;
        await server.data(
          `mutation($id: ID!) { reportPledge(input: { id: $id, reportNote: "Đã hoàn thành" }) { id } }`,
          { id },
          memberToken,
        );
        pledgeIds[i] = id;
      }
    }),
  );
  return { committeeToken, viewerToken, pledgeIds, units, affected: units.filter((u) => lineage.has(u)) };
}

/** Half the clients watch the city, the other half its districts in turn: a city of meeting-room screens. */
function unitsFor(clients: number, units: string[]): string[] {
  const [city, ...districts] = units;
  return Array.from({ length: clients }, (_, i) =>
    i % 2 === 0 ? city : districts[(i >> 1) % districts.length],
  );
}

interface WorkerHandle {
  child: Child;
  ready: Promise<Extract<FromWorker, { type: "ready" }>>;
  observed: number;
  result: Promise<Extract<FromWorker, { type: "result" }>>;
}

function startWorkers(
  count: number,
  start: Omit<StartClients, "units">,
  units: string[],
): Promise<WorkerHandle[]> {
  const slices = Array.from({ length: count }, (_, w) => units.filter((_, i) => i % count === w));
  return Promise.all(
    slices.map(async (slice) => {
      const child = await startChild("fanout-worker.js", [], /WORKER READY/, {
        ipc: true,
        nodeArgs: ["--max-old-space-size=2048"],
      });
      const handle = { child, observed: 0 } as WorkerHandle;
      handle.ready = new Promise((resolve, reject) => {
        child.process.once("exit", (code) =>
          reject(new Error(`a client process exited with ${code} while connecting:\n${child.tail()}`)),
        );
        child.process.on("message", (message: FromWorker) => {
          if (message.type === "ready") resolve(message);
          if (message.type === "observed") handle.observed = message.observed;
        });
      });
      handle.result = new Promise((resolve) => {
        child.process.on("message", (message: FromWorker) => {
          if (message.type === "result") resolve(message);
        });
        // A client process that dies takes its deliveries with it: they count as lost, the run goes on.
        child.process.once("exit", (code) =>
          resolve({
            type: "result",
            arrivals: [],
            messages: 0,
            errorsAfterReady: 1,
            closedAfterReady: 0,
            firstError: `a client process exited with ${code} before reporting`,
          }),
        );
      });
      child.process.send({ ...start, units: slice } satisfies StartClients);
      return handle;
    }),
  );
}

/**
 * Waits until every expected delivery arrived, or until none has arrived for `stallMs` (what is still missing then
 * counts as lost), or `maxMs` at most: a slow fan-out is measured as slow, not cut off at a fixed time.
 */
async function waitForDeliveries(
  workers: WorkerHandle[],
  expected: number,
  stallMs = 5_000,
  maxMs = 120_000,
) {
  const deadline = Date.now() + maxMs;
  let last = -1;
  let lastChange = Date.now();
  while (Date.now() < deadline) {
    const delivered = workers.reduce((sum, w) => sum + w.observed, 0);
    if (delivered >= expected) return;
    if (delivered !== last) {
      last = delivered;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) return;
    await sleep(50);
  }
}

async function collect(workers: WorkerHandle[]) {
  for (const w of workers) w.child.process.send({ type: "finish" });
  const results = await Promise.all(workers.map((w) => w.result));
  await Promise.all(workers.map((w) => w.child.stop()));
  return results;
}

function latencies(results: Extract<FromWorker, { type: "result" }>[], commits: number[]) {
  const values: number[] = [];
  let delivered = 0;
  for (const result of results)
    result.arrivals.forEach((times, k) => {
      delivered += times.length;
      if (Number.isFinite(commits[k])) for (const t of times) values.push(t - commits[k]);
    });
  const sorted = sortedFloat64(values);
  return {
    delivered,
    figures: {
      p50: round(percentile(sorted, 50), 1),
      p99: round(percentile(sorted, 99), 1),
      max: round(percentile(sorted, 100), 1),
    },
  };
}

function workerCount(clients: number) {
  return clients <= 2500 ? 1 : 2;
}

/** The API: `clients` graphql-ws subscribers of dashboards, then confirmations at a fixed rate through GraphQL. */
async function measureApi(
  options: FanoutOptions,
  setup: Setup,
  clients: number,
  roundIndex: number,
): Promise<{ figures: DeliveryFigures; sample: string | null }> {
  const server = await startApi(options, clients);
  let workers: WorkerHandle[] = [];
  try {
    // Warm the server (first compilation of the dashboard path), then the baseline.
    await server.data(
      `{ unitSummary(unit: { code: "92" }, year: ${options.year}) { pledgeCount } }`,
      {},
      setup.viewerToken,
    );
    await sleep(1000);
    const baseline = await usage(server.pids);
    const units = unitsFor(clients, setup.units);
    const affectedClients = units.filter((u) => setup.affected.includes(u)).length;
    const connectStarted = performance.now();
    const connectSampler = sampleDuring(server.pids);
    workers = await startWorkers(
      workerCount(clients),
      {
        type: "start",
        mode: options.clientMode,
        url: server.wsUrl,
        token: setup.viewerToken,
        query: DASHBOARD_SUBSCRIPTION,
        year: options.year,
        confirmations: options.confirmations,
        concurrency: 50,
      },
      units,
    );
    const ready = await Promise.all(workers.map((w) => w.ready));
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await connectSampler.stop();
    options.log(
      `    ${clients} graphql-ws subscribers (${options.clientMode} clients) ready in ${connectSeconds.toFixed(1)} s`,
    );
    await sleep(2000);
    const connected = await usage(server.pids);
    const connectedClients = ready.reduce((sum, r) => sum + r.connected, 0);

    const pledges = setup.pledgeIds.slice(
      roundIndex * options.confirmations,
      (roundIndex + 1) * options.confirmations,
    );
    const sent: number[] = [];
    const committed: number[] = [];
    const sampler = sampleDuring(server.pids);
    const started = now();
    const interval = 1000 / options.perSecond;
    let answered = 0;
    const responses = pledges.map(async (id, k) => {
      await sleep(Math.max(0, started + k * interval - now()));
      sent[k] = now();
      const response = await server.gql(CONFIRM, { id }, setup.committeeToken);
      committed[k] = now();
      answered += 1;
      if (response.body.errors?.length || response.body.data?.confirmPledge?.status !== "CONFIRMED")
        throw new Error(`confirmPledge failed: ${JSON.stringify(response.body)}`);
    });
    const expected = affectedClients * options.confirmations;
    const progress = setInterval(() => {
      const delivered = workers.reduce((sum, w) => sum + w.observed, 0);
      options.log(
        `    ${Math.round((now() - started) / 1000)} s: ${answered}/${pledges.length} confirmations answered, ${delivered}/${expected} deliveries`,
      );
    }, 5000);
    // A server that cannot keep up is reported as such (late and lost deliveries), not waited for indefinitely.
    const deadline = (options.confirmations / options.perSecond) * 1000 + 60_000;
    const finished = await Promise.race([
      Promise.all(responses).then(() => true),
      sleep(deadline).then(() => false),
    ]);
    if (!finished) options.log(`    confirmations still unanswered after ${deadline / 1000} s: giving up`);
    await waitForDeliveries(workers, expected);
    clearInterval(progress);
    const usageDuring = await sampler.stop();
    const results = await collect(workers);
    // A confirmation that never answered has no commit time: its deliveries count, its latencies cannot.
    for (let k = 0; k < pledges.length; k++) committed[k] ??= NaN;
    const fromCommit = latencies(results, committed);
    const fromSend = latencies(results, sent);
    return {
      sample: ready.find((r) => r.sample)?.sample ?? null,
      figures: {
        clients,
        connectFailures: ready.reduce((sum, r) => sum + r.failed, 0),
        connectSeconds: round(connectSeconds, 1),
        affectedClients,
        expected,
        delivered: fromCommit.delivered,
        lost: expected - fromCommit.delivered,
        messages: results.reduce((sum, r) => sum + r.messages, 0),
        payloadBytes: ready.find((r) => r.sampleBytes)?.sampleBytes ?? 0,
        latencyMs: fromCommit.figures,
        latencyFromSendMs: fromSend.figures,
        rssBaselineMb: mb(baseline.rss),
        rssConnectedMb: mb(connected.rss),
        rssPerConnectionKb: connectedClients
          ? round((connected.rss - baseline.rss) / 1024 / connectedClients, 1)
          : null,
        cpuCores: round(usageDuring.cpuCores ?? NaN, 2),
        peakCpuCores: round(usageDuring.peakCpuCores, 2),
        cpuSeconds: round(usageDuring.cpuSeconds ?? NaN, 2),
        errorsAfterReady: results.reduce((sum, r) => sum + r.errorsAfterReady, 0),
        closedAfterReady: results.reduce((sum, r) => sum + r.closedAfterReady, 0),
        firstError:
          ready.find((r) => r.firstError)?.firstError ??
          results.find((r) => r.firstError)?.firstError ??
          null,
      },
    };
  } finally {
    await Promise.all(workers.map((w) => w.child.stop()));
    await server.stop();
  }
}

/** The floor: a bare `ws` server sending a message of the same size to the same clients at the same rate. */
async function measureFloor(
  options: FanoutOptions,
  setup: Setup,
  clients: number,
  sample: string | null,
): Promise<DeliveryFigures> {
  const floor = await startChild("floor-ws.js", [], /FLOOR_WS (\d+)/, { ipc: true });
  let workers: WorkerHandle[] = [];
  try {
    if (sample) floor.process.send({ type: "template", message: sample });
    await sleep(1000);
    const baseline = await usage(floor.pid);
    const units = unitsFor(clients, setup.units);
    const affectedClients = units.filter((u) => setup.affected.includes(u)).length;
    const connectStarted = performance.now();
    workers = await startWorkers(
      workerCount(clients),
      {
        type: "start",
        mode: options.clientMode,
        url: `ws://127.0.0.1:${floor.match[1]}/`,
        token: setup.viewerToken,
        query: DASHBOARD_SUBSCRIPTION,
        year: options.year,
        confirmations: options.confirmations,
        concurrency: 50,
      },
      units,
    );
    const ready = await Promise.all(workers.map((w) => w.ready));
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(2000);
    const connected = await usage(floor.pid);
    const connectedClients = ready.reduce((sum, r) => sum + r.connected, 0);
    const sampler = sampleDuring(floor.pid);
    const commits: number[] = [];
    const started = now();
    const interval = 1000 / options.perSecond;
    for (let k = 0; k < options.confirmations; k++) {
      await sleep(Math.max(0, started + k * interval - now()));
      commits[k] = now();
      floor.process.send({ type: "broadcast", confirmedCount: k + 1, units: setup.affected });
    }
    const expected = affectedClients * options.confirmations;
    await waitForDeliveries(workers, expected);
    const usageDuring = await sampler.stop();
    const results = await collect(workers);
    const fromCommit = latencies(results, commits);
    return {
      clients,
      connectFailures: ready.reduce((sum, r) => sum + r.failed, 0),
      connectSeconds: round(connectSeconds, 1),
      affectedClients,
      expected,
      delivered: fromCommit.delivered,
      lost: expected - fromCommit.delivered,
      messages: results.reduce((sum, r) => sum + r.messages, 0),
      payloadBytes: sample ? Buffer.byteLength(sample) : 0,
      latencyMs: fromCommit.figures,
      rssBaselineMb: mb(baseline.rss),
      rssConnectedMb: mb(connected.rss),
      rssPerConnectionKb: connectedClients
        ? round((connected.rss - baseline.rss) / 1024 / connectedClients, 1)
        : null,
      cpuCores: round(usageDuring.cpuCores ?? NaN, 2),
      peakCpuCores: round(usageDuring.peakCpuCores, 2),
      cpuSeconds: round(usageDuring.cpuSeconds ?? NaN, 2),
      errorsAfterReady: results.reduce((sum, r) => sum + r.errorsAfterReady, 0),
      closedAfterReady: results.reduce((sum, r) => sum + r.closedAfterReady, 0),
      firstError:
        ready.find((r) => r.firstError)?.firstError ?? results.find((r) => r.firstError)?.firstError ?? null,
    };
  } finally {
    await Promise.all(workers.map((w) => w.child.stop()));
    await floor.stop();
  }
}

export async function runFanout(options: FanoutOptions): Promise<FanoutResult[]> {
  options.log(
    `fan-out: preparing ${options.sizes.length * options.confirmations} reported pledges on ${options.database.label}`,
  );
  const setupServer = await startServer({
    databaseUrl: options.database.url,
    dataDir: options.database.dataDir,
  });
  let setup: Setup;
  try {
    setup = await prepare(setupServer, options);
  } finally {
    await setupServer.stop();
  }
  options.log(
    `  subscribers watch ${setup.units.join(", ")}; confirmations land under ${setup.affected.join(" and ")}`,
  );
  const results: FanoutResult[] = [];
  for (const [i, clients] of options.sizes.entries()) {
    options.log(
      `  ${clients} clients: API (graphql-ws), ${options.confirmations} confirmations at ${options.perSecond}/s`,
    );
    const api = await measureApi(options, setup, clients, i);
    options.log(`  ${clients} clients: bare ws broadcast floor`);
    const floor = await measureFloor(options, setup, clients, api.sample);
    results.push({
      clients,
      api: api.figures,
      floor,
      ratios: {
        p50: ratio(api.figures.latencyMs.p50, floor.latencyMs.p50),
        p99: ratio(api.figures.latencyMs.p99, floor.latencyMs.p99),
        rssPerConnection: ratio(api.figures.rssPerConnectionKb, floor.rssPerConnectionKb),
        cpuSeconds: ratio(api.figures.cpuSeconds, floor.cpuSeconds),
      },
    });
  }
  return results;
}
