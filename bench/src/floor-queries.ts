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

/** (c): the subtree's aggregate for a year, the same figures as `unitSummary`, in six statements run at once. */
export async function citySummary(query: Query, code: string, year: number): Promise<unknown> {
  const root = await rootOf(query, code);
  const lo = root.path;
  const hi = upperBound(root.path);
  const { from, to } = yearPeriod(year);
  const validInYear = "u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to >= ?)";
  const activeInYear = "a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)";
  const [kinds, cells, assignments, pledges, visits, ntm] = await Promise.all([
    query(
      `SELECT u.kind, COUNT(*) AS n FROM org_unit u WHERE u.path >= ? AND u.path < ? AND ${validInYear}
       GROUP BY u.kind ORDER BY u.kind`,
      [lo, hi, to, from],
    ),
    query(
      `SELECT COUNT(*) AS total,
              SUM(CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.unit_id = u.id AND ${activeInYear}) THEN 1 ELSE 0 END) AS directed
       FROM org_unit u WHERE u.path >= ? AND u.path < ? AND u.level = 'CELL' AND ${validInYear}`,
      [to, from, lo, hi, to, from],
    ),
    query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT a.member_id) AS members, COUNT(DISTINCT a.unit_id) AS units
       FROM org_unit u JOIN assignment a ON a.unit_id = u.id WHERE u.path >= ? AND u.path < ? AND ${activeInYear}`,
      [lo, hi, to, from],
    ),
    query(
      `SELECT p.status, COUNT(*) AS n FROM org_unit u JOIN pledge p ON p.unit_id = u.id
       WHERE u.path >= ? AND u.path < ? AND p.year = ? GROUP BY p.status ORDER BY p.status`,
      [lo, hi, year],
    ),
    query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT v.member_id) AS members FROM org_unit u JOIN visit v ON v.unit_id = u.id
       WHERE u.path >= ? AND u.path < ? AND v.visited_on >= ? AND v.visited_on <= ?`,
      [lo, hi, from, to],
    ),
    query(
      `SELECT u.kind,
              (SELECT COUNT(*) FROM ntm_criterion_status s WHERE s.unit_id = u.id AND s.year = ? AND s.met = 1) AS met,
              (SELECT COUNT(*) FROM ntm_recognition n WHERE n.unit_id = u.id AND n.year <= ?) AS recognised
       FROM org_unit u WHERE u.path >= ? AND u.path < ? AND u.kind IN ('COMMUNE', 'RURAL_DISTRICT') AND ${validInYear}`,
      [year, year, lo, hi, to, from],
    ),
  ]);
  const byStatus = pledges.map((r) => ({ status: r.status, count: Number(r.n) }));
  const live = byStatus.filter((s) => s.status !== "WITHDRAWN").reduce((sum, s) => sum + s.count, 0);
  const confirmed = byStatus.find((s) => s.status === "CONFIRMED")?.count ?? 0;
  const communes = ntm.filter((r) => r.kind === "COMMUNE");
  const districts = ntm.filter((r) => r.kind === "RURAL_DISTRICT");
  const histogram = new Map<number, number>();
  for (const c of communes) histogram.set(Number(c.met), (histogram.get(Number(c.met)) ?? 0) + 1);
  const total = Number(cells[0]?.total ?? 0);
  const directed = Number(cells[0]?.directed ?? 0);
  return {
    data: {
      unitSummary: {
        unitsByKind: kinds.map((r) => ({ kind: r.kind, count: Number(r.n) })),
        cells: { total, withDirector: directed, withoutDirector: total - directed },
        assignments: {
          assignments: Number(assignments[0]?.n ?? 0),
          directingMembers: Number(assignments[0]?.members ?? 0),
          directedUnits: Number(assignments[0]?.units ?? 0),
        },
        pledgesByStatus: byStatus,
        pledgeCount: byStatus.reduce((sum, s) => sum + s.count, 0),
        confirmationRate: live === 0 ? null : Math.round((confirmed / live) * 10000) / 10000,
        visits: { visits: Number(visits[0]?.n ?? 0), visitingMembers: Number(visits[0]?.members ?? 0) },
        ntm: {
          communeCount: communes.length,
          communesRecognised: communes.filter((c) => Number(c.recognised) > 0).length,
          ruralDistrictCount: districts.length,
          districtsRecognised: districts.filter((d) => Number(d.recognised) > 0).length,
          averageCriteriaMet: communes.length
            ? Math.round((communes.reduce((sum, c) => sum + Number(c.met), 0) / communes.length) * 100) / 100
            : null,
          communesByCriteriaMet: [...histogram.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([criteriaMet, n]) => ({ criteriaMet, communes: n })),
        },
      },
    },
  };
}
