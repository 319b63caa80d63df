import type { Context } from "../../core/context";
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

/**
 * Sums of the given metrics per unit: point metrics at exactly `period`, cumulative ones over all periods up to
 * `period` (in one statement).
 */
export async function readCounters(
  ctx: Context,
  unitIds: readonly number[],
  period: number,
  point: readonly string[],
  cumulative: readonly string[] = [],
): Promise<Map<number, Values>> {
  const result = new Map<number, Values>(unitIds.map((id) => [id, new Map()]));
  if (unitIds.length === 0) return result;
  const list = (n: number) => Array.from({ length: n }, () => "?").join(", ");
  const conditions: string[] = [];
  const params: (number | string)[] = [...unitIds];
  if (point.length) {
    conditions.push(`(period = ? AND metric IN (${list(point.length)}))`);
    params.push(period, ...point);
  }
  if (cumulative.length) {
    conditions.push(`(period <= ? AND metric IN (${list(cumulative.length)}))`);
    params.push(period, ...cumulative);
  }
  const rows: { unit_id: number | string; metric: string; v: number | string }[] = await ctx.db.query(
    `SELECT unit_id, metric, SUM(value) AS v FROM subtree_counter
     WHERE unit_id IN (${list(unitIds.length)}) AND (${conditions.join(" OR ")}) GROUP BY unit_id, metric`,
    params,
  );
  for (const row of rows) result.get(Number(row.unit_id))?.set(row.metric, Number(row.v));
  return result;
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
  const values = await readCounters(ctx, unitIds, year, PLEDGE_METRICS);
  return new Map(
    [...values].map(([id, v]) => [
      id,
      [...v]
        .filter(([, n]) => n !== 0)
        .map(([metric, count]) => ({ status: metric.slice("pledge.".length), count }))
        .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0)),
    ]),
  );
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
  const values = await readCounters(ctx, unitIds, year, [...MET_METRICS, ...MET_REC_METRICS], NTM_CUMULATIVE);
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

/** Concerns raised in the subtree and not resolved (OPEN or IN_PROGRESS). */
export async function openConcernCounts(
  ctx: Context,
  unitIds: readonly number[],
): Promise<Map<number, number>> {
  const values = await readCounters(ctx, unitIds, 0, OPEN_CONCERN_METRICS);
  return new Map([...values].map(([id, v]) => [id, [...v.values()].reduce((s, n) => s + n, 0)]));
}

/** Assessed and compliant assignments of a month (visit rule). */
export async function complianceCounts(
  ctx: Context,
  unitIds: readonly number[],
  year: number,
  month: number,
): Promise<Map<number, { assessed: number; compliant: number }>> {
  const values = await readCounters(ctx, unitIds, year * 100 + month, [Metric.compliant], [Metric.assessed]);
  return new Map(
    [...values].map(([id, v]) => [
      id,
      { assessed: v.get(Metric.assessed) ?? 0, compliant: v.get(Metric.compliant) ?? 0 },
    ]),
  );
}
