/**
 * The floor: the data of scenarios (b) and (c) fetched with hand-written SQL and assembled by hand, the least work
 * any server could do to answer them. Same SQL on MariaDB (mysql2) and SQLite (better-sqlite3): subtree bounds
 * are computed here, not in SQL.
 */

export type Row = Record<string, any>;
export type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
/** `/1/12/` → `/1/120`: every path of the subtree sorts between the two. */
const upperBound = (path: string) => `${path.slice(0, -1)}0`;
const placeholders = (values: unknown[]) => values.map(() => "?").join(", ");

function yearPeriod(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

async function rootOf(query: Query, code: string): Promise<{ id: number; path: string }> {
  const rows = await query("SELECT id, path FROM org_unit WHERE code = ?", [code]);
  if (!rows[0]) throw new Error(`no unit ${code}`);
  return { id: Number(rows[0].id), path: String(rows[0].path) };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(row);
  }
  return groups;
}

/** (b): a page of `first` cells under `code`, by name, with assignments, members, positions and pledges. */
export async function pageOfCells(query: Query, code: string, first: number, year: number): Promise<unknown> {
  const root = await rootOf(query, code);
  const { from, to } = yearPeriod(year);
  const cells = await query(
    `SELECT id, code, name, sort_key FROM org_unit
     WHERE path > ? AND path < ? AND level = 'CELL' ORDER BY sort_key, id LIMIT ?`,
    [root.path, upperBound(root.path), first + 1],
  );
  const hasNextPage = cells.length > first;
  const page = cells.slice(0, first);
  const cellIds = page.map((c) => Number(c.id));
  const [assignments, pledges] =
    cellIds.length === 0
      ? [[], []]
      : await Promise.all([
          query(
            `SELECT a.id, a.unit_id, a.scope, a.member_id, m.full_name, d.number
             FROM assignment a JOIN member m ON m.id = a.member_id JOIN directive d ON d.id = a.directive_id
             WHERE a.unit_id IN (${placeholders(cellIds)}) AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)
             ORDER BY a.id`,
            [...cellIds, to, from],
          ),
          query(
            `SELECT id, unit_id, title, status, target_quantity FROM pledge
             WHERE unit_id IN (${placeholders(cellIds)}) AND year = ? ORDER BY id`,
            [...cellIds, year],
          ),
        ]);
  const memberIds = [...new Set(assignments.map((a) => Number(a.member_id)))];
  const positions =
    memberIds.length === 0
      ? []
      : await query(
          `SELECT p.member_id, p.role, p.title, u.name AS unit_name, t.code AS term_code
           FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN term t ON t.id = p.term_id
           WHERE p.member_id IN (${placeholders(memberIds)}) ORDER BY p.starts_on DESC, p.id`,
          memberIds,
        );
  const positionsOf = groupBy(positions, (p) => Number(p.member_id));
  const assignmentsOf = groupBy(assignments, (a) => Number(a.unit_id));
  const pledgesOf = groupBy(pledges, (p) => Number(p.unit_id));
  const cursorOf = (c: Row) => Buffer.from(JSON.stringify([c.sort_key, Number(c.id)])).toString("base64url");
  const edges = page.map((c) => ({
    cursor: cursorOf(c),
    node: {
      id: globalId("OrgUnit", Number(c.id)),
      code: c.code,
      name: c.name,
      assignments: (assignmentsOf.get(Number(c.id)) ?? []).map((a) => ({
        scope: a.scope,
        member: {
          fullName: a.full_name,
          positions: (positionsOf.get(Number(a.member_id)) ?? []).map((p) => ({
            role: p.role,
            title: p.title,
            unit: { name: p.unit_name },
            term: p.term_code == null ? null : { code: p.term_code },
          })),
        },
        directive: { number: a.number },
      })),
      pledges: (pledgesOf.get(Number(c.id)) ?? []).map((p) => ({
        title: p.title,
        status: p.status,
        targetQuantity: p.target_quantity == null ? null : Number(p.target_quantity),
      })),
    },
  }));
  return {
    data: {
      orgUnit: {
        descendants: {
          edges,
          pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
        },
      },
    },
  };
}

const STATUSES = ["CONFIRMED", "REGISTERED", "REJECTED", "REPORTED", "WITHDRAWN"];

/**
 * (c): the dashboard aggregate of a subtree, read from the subtree counters the server keeps in the same transaction
 * as every change (`subtree_counter`, one row per unit, period and metric): one statement after the root.
 */
export async function citySummary(
  query: Query,
  code: string,
  year: number,
  month: number,
  withCompliance = true,
): Promise<unknown> {
  const root = await rootOf(query, code);
  const ym = year * 100 + month;
  const point = [...STATUSES.map((s) => `pledge.${s}`), "ntm.met_sum"];
  for (let k = 1; k <= 19; k++) point.push(`ntm.met.${k}`, `ntm.met_rec.${k}`);
  const cumulative = ["ntm.communes", "ntm.communes_rec", "ntm.districts", "ntm.districts_rec"];
  const rows = await query(
    `SELECT metric, SUM(value) AS v FROM subtree_counter
     WHERE unit_id = ? AND ((period = ? AND metric IN (${placeholders(point)}))
       OR (period <= ? AND metric IN (${placeholders(cumulative)}))
       ${withCompliance ? "OR (period = ? AND metric = 'visit.compliant') OR (period <= ? AND metric = 'visit.assessed')" : ""})
     GROUP BY metric`,
    [root.id, year, ...point, year, ...cumulative, ...(withCompliance ? [ym, ym] : [])],
  );
  const v = new Map(rows.map((r) => [String(r.metric), Number(r.v)]));
  const get = (metric: string) => v.get(metric) ?? 0;
  const byStatus = STATUSES.map((status) => ({ status, count: get(`pledge.${status}`) })).filter(
    (s) => s.count !== 0,
  );
  const live = byStatus.filter((s) => s.status !== "WITHDRAWN").reduce((sum, s) => sum + s.count, 0);
  const confirmed = get("pledge.CONFIRMED");
  const communes = get("ntm.communes");
  const histogram: { criteriaMet: number; communes: number }[] = [];
  let withCriteria = 0;
  for (let k = 1; k <= 19; k++) {
    withCriteria += get(`ntm.met.${k}`);
    if (get(`ntm.met.${k}`) > 0) histogram.push({ criteriaMet: k, communes: get(`ntm.met.${k}`) });
  }
  if (communes - withCriteria > 0) histogram.unshift({ criteriaMet: 0, communes: communes - withCriteria });
  const assessed = get("visit.assessed");
  const compliant = get("visit.compliant");
  return {
    data: {
      unitSummary: {
        pledgesByStatus: byStatus,
        pledgeCount: byStatus.reduce((sum, s) => sum + s.count, 0),
        confirmationRate: live === 0 ? null : Math.round((confirmed / live) * 10000) / 10000,
        ntm: {
          communeCount: communes,
          communesRecognised: get("ntm.communes_rec"),
          ruralDistrictCount: get("ntm.districts"),
          districtsRecognised: get("ntm.districts_rec"),
          averageCriteriaMet: communes ? Math.round((get("ntm.met_sum") / communes) * 100) / 100 : null,
          communesByCriteriaMet: histogram,
        },
      },
      ...(withCompliance
        ? { visitComplianceTotals: { assessed, compliant, belowMinimum: assessed - compliant } }
        : {}),
    },
  };
}
