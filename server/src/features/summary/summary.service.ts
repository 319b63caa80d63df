import { scopePath } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { OrgUnit, subtreeUpperBound } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { ntmCounts, pledgeCounts, type NtmTotals } from "../counters/counters.read";
import { yearPeriod } from "../../core/period";
import { upperBoundSql } from "../../core/subtree";
import { UnitLevel, type UnitKind } from "../org-units/org-unit.enums";
import type { PledgeStatus } from "../pledges/pledge.enums";

/**
 * Aggregates over a unit's subtree (the unit itself included), batched: each loader answers any number of
 * (unit, year) pairs of one request with one SQL statement, joining the subtree by path range.
 */

type Row = Record<string, string | number | null>;

function subtreeSql(ctx: Context, ids: readonly number[]): { join: string; where: string; params: number[] } {
  return {
    join: `JOIN org_unit u ON u.path >= r.path AND u.path < ${upperBoundSql(ctx.db, "r.path")}`,
    where: `r.id IN (${ids.map(() => "?").join(", ")})`,
    params: [...ids],
  };
}

/** Units valid at some time in the year. */
const VALID_IN_YEAR = "u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to >= ?)";
/** Assignments running at some time in the year. */
const ACTIVE_IN_YEAR = "a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)";

function grouped<T>(ids: readonly number[], rows: Row[], map: (row: Row) => T): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(Number(row.root_id))?.push(map(row));
  return ids.map((id) => groups.get(id)!);
}

export const unitsByKind = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { kind: UnitKind; count: number }[]>(`summary.unitsByKind:${year}`, async (ids) => {
    const { from, to } = yearPeriod(year);
    const s = subtreeSql(ctx, ids);
    const rows: Row[] = await ctx.db.query(
      `SELECT r.id AS root_id, u.kind AS kind, COUNT(*) AS n FROM org_unit r ${s.join}
       WHERE ${s.where} AND ${VALID_IN_YEAR} GROUP BY r.id, u.kind ORDER BY u.kind`,
      [...s.params, to, from],
    );
    return grouped(ids, rows, (row) => ({ kind: row.kind as UnitKind, count: Number(row.n) }));
  });

export const cellCoverage = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { total: number; withDirector: number }>(`summary.cells:${year}`, async (ids) => {
    const { from, to } = yearPeriod(year);
    const s = subtreeSql(ctx, ids);
    const rows: Row[] = await ctx.db.query(
      `SELECT r.id AS root_id, COUNT(*) AS total,
              SUM(CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.unit_id = u.id AND ${ACTIVE_IN_YEAR}) THEN 1 ELSE 0 END) AS directed
       FROM org_unit r ${s.join}
       WHERE ${s.where} AND u.level = 'CELL' AND ${VALID_IN_YEAR} GROUP BY r.id`,
      [to, from, ...s.params, to, from],
    );
    return grouped(ids, rows, (row) => ({
      total: Number(row.total),
      withDirector: Number(row.directed ?? 0),
    })).map((g) => g[0] ?? { total: 0, withDirector: 0 });
  });

export const assignmentTotals = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { assignments: number; members: number; units: number }>(
    `summary.assignments:${year}`,
    async (ids) => {
      const { from, to } = yearPeriod(year);
      const s = subtreeSql(ctx, ids);
      const rows: Row[] = await ctx.db.query(
        `SELECT r.id AS root_id, COUNT(*) AS n, COUNT(DISTINCT a.member_id) AS members, COUNT(DISTINCT a.unit_id) AS units
       FROM org_unit r ${s.join} JOIN assignment a ON a.unit_id = u.id
       WHERE ${s.where} AND ${ACTIVE_IN_YEAR} GROUP BY r.id`,
        [...s.params, to, from],
      );
      return grouped(ids, rows, (row) => ({
        assignments: Number(row.n),
        members: Number(row.members),
        units: Number(row.units),
      })).map((g) => g[0] ?? { assignments: 0, members: 0, units: 0 });
    },
  );

/** Pledges by status recounted from the pledge table (cells, and the tests that check the counters). */
export const pledgesByStatusRecount = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { status: PledgeStatus; count: number }[]>(
    `summary.pledgesRecount:${year}`,
    async (ids) => {
      const s = subtreeSql(ctx, ids);
      const rows: Row[] = await ctx.db.query(
        `SELECT r.id AS root_id, p.status AS status, COUNT(*) AS n
       FROM org_unit r ${s.join} JOIN pledge p ON p.unit_id = u.id
       WHERE ${s.where} AND p.year = ? GROUP BY r.id, p.status ORDER BY p.status`,
        [...s.params, year],
      );
      return grouped(ids, rows, (row) => ({ status: row.status as PledgeStatus, count: Number(row.n) }));
    },
  );

/** Ids of the units that are not cells: their subtree totals are kept in `subtree_counter`. */
async function countedIds(ctx: Context, ids: readonly number[]): Promise<Set<number>> {
  const units = await unitById(ctx).loadMany(ids);
  return new Set(
    units.filter((u): u is OrgUnit => u instanceof OrgUnit && u.level !== UnitLevel.CELL).map((u) => u.id),
  );
}

/** Pledges of the year by status (statuses with none left out): counters, or the pledge table for a cell. */
export const pledgesByStatus = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { status: PledgeStatus; count: number }[]>(
    `summary.pledges:${year}`,
    async (ids) => {
      const counted = await countedIds(ctx, ids);
      const counts = await pledgeCounts(ctx, [...counted], year);
      const cells = ids.filter((id) => !counted.has(id));
      const recounted = await Promise.all(cells.map((id) => pledgesByStatusRecount(ctx, year).load(id)));
      const byCell = new Map(cells.map((id, i) => [id, recounted[i]]));
      return ids.map(
        (id) =>
          ((counted.has(id) ? counts.get(id) : byCell.get(id)) ?? []) as {
            status: PledgeStatus;
            count: number;
          }[],
      );
    },
  );

export const visitTotals = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { visits: number; members: number }>(`summary.visits:${year}`, async (ids) => {
    const { from, to } = yearPeriod(year);
    const s = subtreeSql(ctx, ids);
    const rows: Row[] = await ctx.db.query(
      `SELECT r.id AS root_id, COUNT(*) AS n, COUNT(DISTINCT v.member_id) AS members
       FROM org_unit r ${s.join} JOIN visit v ON v.unit_id = u.id
       WHERE ${s.where} AND v.visited_on >= ? AND v.visited_on <= ? GROUP BY r.id`,
      [...s.params, from, to],
    );
    return grouped(ids, rows, (row) => ({ visits: Number(row.n), members: Number(row.members) })).map(
      (g) => g[0] ?? { visits: 0, members: 0 },
    );
  });

export interface CommuneNtm {
  unitId: number;
  kind: UnitKind;
  level: string;
  criteriaMet: number;
  recognised: boolean;
}

/** Every commune and district of the subtree with its criteria met in the year and whether it is recognised by then. */
export const ntmUnits = (ctx: Context, year: number) =>
  ctx.loaders.get<number, CommuneNtm[]>(`summary.ntm:${year}`, async (ids) => {
    const { from, to } = yearPeriod(year);
    const s = subtreeSql(ctx, ids);
    const rows: Row[] = await ctx.db.query(
      `SELECT r.id AS root_id, u.id AS unit_id, u.kind AS kind, u.level AS level,
              (SELECT COUNT(*) FROM ntm_criterion_status s WHERE s.unit_id = u.id AND s.year = ? AND s.met = 1) AS met,
              (SELECT COUNT(*) FROM ntm_recognition n WHERE n.unit_id = u.id AND n.year <= ?) AS recognised
       FROM org_unit r ${s.join}
       WHERE ${s.where} AND u.kind IN ('COMMUNE', 'RURAL_DISTRICT') AND ${VALID_IN_YEAR}`,
      [year, year, ...s.params, to, from],
    );
    return grouped(ids, rows, (row) => ({
      unitId: Number(row.unit_id),
      kind: row.kind as UnitKind,
      level: String(row.level),
      criteriaMet: Number(row.met),
      recognised: Number(row.recognised) > 0,
    }));
  });

/** NTM figures of the subtree for the year, from the counters (a cell's subtree has no communes). */
export const ntmTotals = (ctx: Context, year: number) =>
  ctx.loaders.get<number, NtmTotals>(`summary.ntmTotals:${year}`, async (ids) => {
    yearPeriod(year);
    const totals = await ntmCounts(ctx, ids, year);
    return ids.map((id) => totals.get(id)!);
  });

/** The same figures recounted from the base tables (tests and benchmarks compare the two). */
export function ntmTotalsOfUnits(units: CommuneNtm[]): NtmTotals {
  const groups = new Map<string, NtmTotals["communes"][number]>();
  for (const u of units.filter((x) => x.kind === "COMMUNE")) {
    const key = `${u.criteriaMet}:${u.recognised}`;
    const group = groups.get(key) ?? { criteriaMet: u.criteriaMet, recognised: u.recognised, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  const districts = units.filter((x) => x.kind === "RURAL_DISTRICT");
  return {
    communes: [...groups.values()],
    ruralDistricts: districts.length,
    districtsRecognised: districts.filter((d) => d.recognised).length,
  };
}

/** Assignment totals per directive (not per subtree): how many people a directive assigned to how many units. */
export const directiveAssignmentTotals = (ctx: Context, year: number) =>
  ctx.loaders.get<number, { assignments: number; members: number; units: number }>(
    `summary.directive:${year}`,
    async (ids) => {
      const { from, to } = yearPeriod(year);
      const scope = scopePath(ctx);
      const rows: Row[] = await ctx.db.query(
        `SELECT a.directive_id AS root_id, COUNT(*) AS n, COUNT(DISTINCT a.member_id) AS members, COUNT(DISTINCT a.unit_id) AS units
       FROM assignment a JOIN org_unit u ON u.id = a.unit_id AND u.path >= ? AND u.path < ?
       WHERE a.directive_id IN (${ids.map(() => "?").join(", ")}) AND ${ACTIVE_IN_YEAR} GROUP BY a.directive_id`,
        [scope, subtreeUpperBound(scope), ...ids, to, from],
      );
      return grouped(ids, rows, (row) => ({
        assignments: Number(row.n),
        members: Number(row.members),
        units: Number(row.units),
      })).map((g) => g[0] ?? { assignments: 0, members: 0, units: 0 });
    },
  );
