import type { EntityManager } from "typeorm";
import { monthPeriod } from "../../core/period";
import { Metric, monthOf, nextMonth, yearOf } from "./counter-metrics";

/**
 * Keeps `subtree_counter` in step with the base tables, inside the transaction of the change (each workflow
 * calls one of the `count…` functions below). Every change adds deltas to the rows of the changed unit's
 * ancestors (and the unit itself unless it is a cell) in one upsert, in key order, so that concurrent
 * transactions take the row locks in the same order: they wait for each other instead of losing updates.
 */

export interface CountedUnit {
  id: number;
  path: string;
  level: string;
}

interface Delta {
  period: number;
  metric: string;
  delta: number;
}

const isSqlite = (manager: EntityManager) => manager.connection.options.type === "better-sqlite3";

/** A locking read on MySQL/MariaDB (latest committed rows, held to the end of the transaction); SQLite needs none. */
const locking = (manager: EntityManager) => (isSqlite(manager) ? "" : " FOR UPDATE");

/** Units whose counters include a change to `unit`: the ids of its path, but not a cell (cells have no rows). */
export function countedUnitIds(unit: CountedUnit): number[] {
  const ids = unit.path.split("/").filter(Boolean).map(Number);
  return unit.level === "CELL" ? ids.slice(0, -1) : ids;
}

/** Adds the deltas to the counters of every unit that counts `unit`, in one statement. */
export async function addToSubtree(
  manager: EntityManager,
  unit: CountedUnit,
  deltas: Delta[],
): Promise<void> {
  const merged = new Map<string, Delta>();
  for (const d of deltas) {
    const key = `${d.period}\u0000${d.metric}`;
    const seen = merged.get(key);
    if (seen) seen.delta += d.delta;
    else merged.set(key, { ...d });
  }
  const changes = [...merged.values()]
    .filter((d) => d.delta !== 0)
    .sort((a, b) => a.period - b.period || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
  const ids = countedUnitIds(unit).sort((a, b) => a - b);
  if (changes.length === 0 || ids.length === 0) return;
  const params: (number | string)[] = [];
  for (const id of ids) for (const c of changes) params.push(id, c.period, c.metric, c.delta);
  const values = Array.from({ length: ids.length * changes.length }, () => "(?, ?, ?, ?)").join(", ");
  const upsert = isSqlite(manager)
    ? "ON CONFLICT (unit_id, period, metric) DO UPDATE SET value = value + excluded.value"
    : "ON DUPLICATE KEY UPDATE value = value + VALUES(value)";
  await manager.query(
    `INSERT INTO subtree_counter (unit_id, period, metric, value) VALUES ${values} ${upsert}`,
    params,
  );
}

/** A pledge of `unit` for `year` moved from one status to another (null: it did not exist before). */
export async function countPledge(
  manager: EntityManager,
  unit: CountedUnit,
  year: number,
  from: string | null,
  to: string,
): Promise<void> {
  if (from === to) return;
  const deltas: Delta[] = [{ period: year, metric: Metric.pledge(to), delta: 1 }];
  if (from != null) deltas.push({ period: year, metric: Metric.pledge(from), delta: -1 });
  await addToSubtree(manager, unit, deltas);
}

/** A concern raised by `unit` moved from one status to another (null: it was just raised). */
export async function countConcern(
  manager: EntityManager,
  unit: CountedUnit,
  from: string | null,
  to: string,
): Promise<void> {
  if (from === to) return;
  const deltas: Delta[] = [{ period: 0, metric: Metric.concern(to), delta: 1 }];
  if (from != null) deltas.push({ period: 0, metric: Metric.concern(from), delta: -1 });
  await addToSubtree(manager, unit, deltas);
}

export interface NtmUnit extends CountedUnit {
  kind: string;
  validFrom: string;
  validTo: string | null;
}

const validIn = (unit: NtmUnit, year: number) =>
  yearOf(unit.validFrom) <= year && (unit.validTo == null || yearOf(unit.validTo) >= year);

/**
 * One NTM criterion of a commune changed for a year: `before` is whether it was met (null: not assessed yet).
 * Moves the commune between the "meets k criteria" counters; its own `ntm.met_sum` row holds its k, locked by the
 * upsert, so that concurrent changes to the same commune are applied one after the other.
 */
export async function countNtmCriterion(
  manager: EntityManager,
  unit: NtmUnit,
  year: number,
  before: boolean | null,
  after: boolean,
): Promise<void> {
  const d = (after ? 1 : 0) - (before ? 1 : 0);
  if (d === 0 || unit.kind !== "COMMUNE" || !validIn(unit, year)) return;
  await addToSubtree(manager, unit, [{ period: year, metric: Metric.metSum, delta: d }]);
  const own: { value: number | string }[] = await manager.query(
    "SELECT value FROM subtree_counter WHERE unit_id = ? AND period = ? AND metric = ?",
    [unit.id, year, Metric.metSum],
  );
  const kNew = Number(own[0]?.value ?? 0);
  const kOld = kNew - d;
  const recognitions: { n: number | string }[] = await manager.query(
    `SELECT COUNT(*) AS n FROM ntm_recognition WHERE unit_id = ? AND year <= ?${locking(manager)}`,
    [unit.id, year],
  );
  const recognised = Number(recognitions[0]?.n ?? 0) > 0;
  const deltas: Delta[] = [];
  const move = (k: number, delta: number) => {
    if (k <= 0) return;
    deltas.push({ period: year, metric: Metric.met(k), delta });
    if (recognised) deltas.push({ period: year, metric: Metric.metRecognised(k), delta });
  };
  move(kOld, -1);
  move(kNew, 1);
  await addToSubtree(manager, unit, deltas);
}

/**
 * A commune or rural district is recognised from `year` on. Call it before writing the recognition: it locks the
 * commune's per-year criteria counts first, so a concurrent criterion change waits for it (or it for that).
 */
export async function countNtmRecognition(
  manager: EntityManager,
  unit: NtmUnit,
  year: number,
): Promise<void> {
  const commune = unit.kind === "COMMUNE";
  if (!commune && unit.kind !== "RURAL_DISTRICT") return;
  const deltas: Delta[] = [];
  const start = Math.max(yearOf(unit.validFrom), year);
  const end = unit.validTo == null ? null : yearOf(unit.validTo);
  if (end == null || start <= end) {
    const metric = commune ? Metric.communesRecognised : Metric.districtsRecognised;
    deltas.push({ period: start, metric, delta: 1 });
    if (end != null) deltas.push({ period: end + 1, metric, delta: -1 });
  }
  if (commune) {
    const years: { period: number | string; value: number | string }[] = await manager.query(
      `SELECT period, value FROM subtree_counter WHERE unit_id = ? AND metric = ? AND period >= ?${locking(manager)}`,
      [unit.id, Metric.metSum, year],
    );
    for (const row of years) {
      const k = Number(row.value);
      if (k > 0) deltas.push({ period: Number(row.period), metric: Metric.metRecognised(k), delta: 1 });
    }
  }
  await addToSubtree(manager, unit, deltas);
}

export interface CountedAssignment {
  id: number;
  directiveId: number;
  startsOn: string;
  endsOn: string | null;
}

const runningIn = (a: CountedAssignment, ym: number) =>
  monthOf(a.startsOn) <= ym && (a.endsOn == null || ym <= monthOf(a.endsOn));

async function minimumVisits(manager: EntityManager, directiveId: number): Promise<number | null> {
  const rows: { min: number | string | null }[] = await manager.query(
    "SELECT min_visits_per_month AS min FROM directive WHERE id = ?",
    [directiveId],
  );
  return rows[0]?.min == null ? null : Number(rows[0].min);
}

/** The months an assignment is assessed in, as cumulative deltas: +1 the month it starts, −1 after it ends. */
function spanDeltas(a: CountedAssignment, sign: number): Delta[] {
  const deltas: Delta[] = [{ period: monthOf(a.startsOn), metric: Metric.assessed, delta: sign }];
  if (a.endsOn != null)
    deltas.push({ period: nextMonth(monthOf(a.endsOn)), metric: Metric.assessed, delta: -sign });
  return deltas;
}

/**
 * An assignment of `unit` was created (`before` null) or its span changed. Counts it as assessed in the months it
 * runs (when its directive sets a visit minimum) and moves the months it met the minimum in or out of the span.
 */
export async function countAssignment(
  manager: EntityManager,
  unit: CountedUnit,
  before: CountedAssignment | null,
  after: CountedAssignment,
): Promise<void> {
  const min = await minimumVisits(manager, after.directiveId);
  if (min == null) return;
  const deltas = [...spanDeltas(after, 1), ...(before ? spanDeltas(before, -1) : [])];
  if (before) {
    const visits: { visited_on: string | Date }[] = await manager.query(
      `SELECT visited_on FROM visit WHERE assignment_id = ?${locking(manager)}`,
      [after.id],
    );
    const perMonth = new Map<number, number>();
    for (const v of visits) {
      const ym = monthOf(dayString(v.visited_on));
      perMonth.set(ym, (perMonth.get(ym) ?? 0) + 1);
    }
    for (const [ym, n] of perMonth) {
      if (n < min) continue;
      const delta = (runningIn(after, ym) ? 1 : 0) - (runningIn(before, ym) ? 1 : 0);
      if (delta !== 0) deltas.push({ period: ym, metric: Metric.compliant, delta });
    }
  }
  await addToSubtree(manager, unit, deltas);
}

/**
 * A visit on `visitedOn` is about to be recorded for the assignment (call it before inserting the visit). Locks
 * the assignment so that visits to one assignment are counted one at a time; when this visit brings the month to
 * the directive's minimum, the month counts the assignment as compliant.
 */
export async function countVisit(
  manager: EntityManager,
  unit: CountedUnit,
  assignment: CountedAssignment,
  visitedOn: string,
): Promise<void> {
  const min = await minimumVisits(manager, assignment.directiveId);
  const ym = monthOf(visitedOn);
  if (min == null || !runningIn(assignment, ym)) return;
  if (!isSqlite(manager))
    await manager.query("SELECT id FROM assignment WHERE id = ? FOR UPDATE", [assignment.id]);
  const month = monthPeriod(Math.floor(ym / 100), ym % 100);
  const rows: { n: number | string }[] = await manager.query(
    `SELECT COUNT(*) AS n FROM visit WHERE assignment_id = ? AND visited_on >= ? AND visited_on <= ?${locking(manager)}`,
    [assignment.id, month.from, month.to],
  );
  if (Number(rows[0]?.n ?? 0) + 1 === min)
    await addToSubtree(manager, unit, [{ period: ym, metric: Metric.compliant, delta: 1 }]);
}

function dayString(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
