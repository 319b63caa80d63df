import type { Context } from "../../core/context";
import type { Loaders } from "../../core/loaders";
import {
  Metric,
  CRITERIA,
  MET_METRICS,
  MET_REC_METRICS,
  NTM_CUMULATIVE,
  OPEN_CONCERN_METRICS,
  PLEDGE_METRICS,
} from "./counter-metrics";

/** Reads of `subtree_counter`: a few rows per unit, found by primary key. Only units that are not cells have rows. */

type Values = Map<string, number>;

/** Metrics to sum at one period: point metrics at exactly `period`, cumulative ones over all periods up to it. */
export interface CounterQuery {
  period: number;
  metrics: readonly string[];
  cumulative?: boolean;
}

/** Sums per unit and metric for any number of queries (with distinct metrics), in one statement. */
export async function readCounters(
  ctx: Context,
  unitIds: readonly number[],
  queries: CounterQuery[],
): Promise<Map<number, Values>> {
  const result = new Map<number, Values>(unitIds.map((id) => [id, new Map()]));
  if (unitIds.length === 0) return result;
  const list = (n: number) => Array.from({ length: n }, () => "?").join(", ");
  const params: (number | string)[] = [...unitIds];
  const conditions = queries.map((q) => {
    params.push(q.period, ...q.metrics);
    return `(period ${q.cumulative ? "<=" : "="} ? AND metric IN (${list(q.metrics.length)}))`;
  });
  const rows: { unit_id: number | string; metric: string; v: number | string }[] = await ctx.db.query(
    `SELECT unit_id, metric, SUM(value) AS v FROM subtree_counter
     WHERE unit_id IN (${list(unitIds.length)}) AND (${conditions.join(" OR ")}) GROUP BY unit_id, metric`,
    params,
  );
  for (const row of rows) result.get(Number(row.unit_id))?.set(row.metric, Number(row.v));
  return result;
}

/** One caller's part of a batch: its units and queries, and where its answer goes. */
interface BatchedRead {
  unitIds: readonly number[];
  queries: CounterQuery[];
  resolve(values: Map<number, Values>): void;
  reject(error: unknown): void;
}

const queryKey = (q: CounterQuery) => `${q.period}:${q.cumulative ? "<=" : "="}:${q.metrics.join(",")}`;

/**
 * The counter reads of one request, gathered into as few statements as possible: every `readCountersBatched`
 * call made until the event loop turns (all the resolvers of an operation that are waiting only on each other)
 * joins one batch. Equal queries are read once; queries with disjoint metrics share one statement (each metric's
 * sum then belongs to exactly one query, as readCounters requires), so a dashboard's pledges, NTM figures and
 * visit compliance take one statement. Nothing is cached: a read after a mutation sees the new counters.
 */
class CounterBatch {
  private pending: BatchedRead[] = [];

  constructor(private readonly ctx: Context) {}

  read(unitIds: readonly number[], queries: CounterQuery[]): Promise<Map<number, Values>> {
    return new Promise((resolve, reject) => {
      // setImmediate, not nextTick: resolvers reach here after chains of loaders of their own (the unit by
      // code, then the summary's loaders), each a few promise turns apart.
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ unitIds, queries, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const reads = this.pending;
    this.pending = [];
    // Distinct queries, placed into groups whose metrics do not overlap: one statement per group.
    const groups: { queries: Map<string, CounterQuery>; metrics: Set<string>; units: Set<number> }[] = [];
    const groupOf = new Map<string, (typeof groups)[number]>();
    for (const read of reads) {
      for (const query of read.queries) {
        const key = queryKey(query);
        let group = groupOf.get(key);
        if (!group) {
          group = groups.find((g) => query.metrics.every((m) => !g.metrics.has(m)));
          if (!group) groups.push((group = { queries: new Map(), metrics: new Set(), units: new Set() }));
          group.queries.set(key, query);
          for (const metric of query.metrics) group.metrics.add(metric);
          groupOf.set(key, group);
        }
        for (const id of read.unitIds) group.units.add(id);
      }
    }
    const settled = await Promise.allSettled(
      groups.map((g) => readCounters(this.ctx, [...g.units], [...g.queries.values()])),
    );
    const results = new Map(groups.map((g, i) => [g, settled[i]]));
    for (const read of reads) {
      const answer = new Map<number, Values>(read.unitIds.map((id) => [id, new Map()]));
      const failed = read.queries
        .map((query) => results.get(groupOf.get(queryKey(query))!)!)
        .find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) {
        read.reject(failed.reason);
        continue;
      }
      for (const query of read.queries) {
        const values = (
          results.get(groupOf.get(queryKey(query))!) as PromiseFulfilledResult<Map<number, Values>>
        ).value;
        for (const id of read.unitIds) {
          const from = values.get(id)!;
          const to = answer.get(id)!;
          for (const metric of query.metrics) if (from.has(metric)) to.set(metric, from.get(metric)!);
        }
      }
      read.resolve(answer);
    }
  }
}

const batches = new WeakMap<Loaders, CounterBatch>();

/** readCounters, batched with the request's other counter reads (see CounterBatch). */
export function readCountersBatched(
  ctx: Context,
  unitIds: readonly number[],
  queries: CounterQuery[],
): Promise<Map<number, Values>> {
  let batch = batches.get(ctx.loaders);
  if (!batch) batches.set(ctx.loaders, (batch = new CounterBatch(ctx)));
  return batch.read(unitIds, queries);
}

const pledgeQuery = (year: number): CounterQuery => ({ period: year, metrics: PLEDGE_METRICS });
const ntmQueries = (year: number): CounterQuery[] => [
  { period: year, metrics: [...MET_METRICS, ...MET_REC_METRICS] },
  { period: year, metrics: NTM_CUMULATIVE, cumulative: true },
];
const complianceQueries = (year: number, month: number): CounterQuery[] => [
  { period: year * 100 + month, metrics: [Metric.compliant] },
  { period: year * 100 + month, metrics: [Metric.assessed], cumulative: true },
];
const concernQuery: CounterQuery = { period: 0, metrics: OPEN_CONCERN_METRICS };

function pledgeList(v: Values): StatusCount[] {
  return PLEDGE_METRICS.filter((m) => (v.get(m) ?? 0) !== 0)
    .map((metric) => ({ status: metric.slice("pledge.".length), count: v.get(metric)! }))
    .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

const complianceOf = (v: Values) => ({
  assessed: v.get(Metric.assessed) ?? 0,
  compliant: v.get(Metric.compliant) ?? 0,
});

const openConcernsOf = (v: Values) => OPEN_CONCERN_METRICS.reduce((sum, m) => sum + (v.get(m) ?? 0), 0);

export interface DashboardCounts {
  pledgesByStatus: StatusCount[];
  ntm: NtmTotals;
  compliance: { assessed: number; compliant: number };
  openConcerns: number;
}

/** Everything a dashboard shows about a unit that is not a cell, in one statement. */
export async function dashboardCounts(
  ctx: Context,
  unitId: number,
  year: number,
  month: number,
): Promise<DashboardCounts> {
  const values = await readCounters(
    ctx,
    [unitId],
    [pledgeQuery(year), ...ntmQueries(year), ...complianceQueries(year, month), concernQuery],
  );
  const v = values.get(unitId)!;
  return {
    pledgesByStatus: pledgeList(v),
    ntm: ntmTotalsOf(v),
    compliance: complianceOf(v),
    openConcerns: openConcernsOf(v),
  };
}

export interface StatusCount {
  status: string;
  count: number;
}

/** Pledges of the year by status, statuses with none left out, in status-name order. */
export async function pledgeCounts(
  ctx: Context,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, StatusCount[]>> {
  const values = await readCountersBatched(ctx, unitIds, [pledgeQuery(year)]);
  return new Map([...values].map(([id, v]) => [id, pledgeList(v)]));
}

export interface NtmTotals {
  /** Communes grouped by criteria met in the year and recognition by its end. */
  communes: { criteriaMet: number; recognised: boolean; count: number }[];
  ruralDistricts: number;
  districtsRecognised: number;
}

export async function ntmCounts(
  ctx: Context,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, NtmTotals>> {
  const values = await readCountersBatched(ctx, unitIds, ntmQueries(year));
  return new Map([...values].map(([id, v]) => [id, ntmTotalsOf(v)]));
}

function ntmTotalsOf(v: Values): NtmTotals {
  const get = (metric: string) => v.get(metric) ?? 0;
  const communes: NtmTotals["communes"] = [];
  let counted = 0;
  let countedRecognised = 0;
  for (let k = 1; k <= CRITERIA; k++) {
    const all = get(Metric.met(k));
    const recognised = get(Metric.metRecognised(k));
    counted += all;
    countedRecognised += recognised;
    communes.push({ criteriaMet: k, recognised: true, count: recognised });
    communes.push({ criteriaMet: k, recognised: false, count: all - recognised });
  }
  const total = get(Metric.communes);
  const recognised = get(Metric.communesRecognised);
  communes.unshift(
    { criteriaMet: 0, recognised: true, count: recognised - countedRecognised },
    { criteriaMet: 0, recognised: false, count: total - recognised - (counted - countedRecognised) },
  );
  return {
    communes: communes.filter((c) => c.count !== 0),
    ruralDistricts: get(Metric.districts),
    districtsRecognised: get(Metric.districtsRecognised),
  };
}

/** Assessed and compliant assignments of a month (visit rule). */
export async function complianceCounts(
  ctx: Context,
  unitIds: readonly number[],
  year: number,
  month: number,
): Promise<Map<number, { assessed: number; compliant: number }>> {
  const values = await readCountersBatched(ctx, unitIds, complianceQueries(year, month));
  return new Map([...values].map(([id, v]) => [id, complianceOf(v)]));
}
