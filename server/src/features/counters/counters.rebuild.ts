import type { DataSource, QueryRunner } from "typeorm";
import { Metric } from "./counter-metrics";

/**
 * Recomputes every row of `subtree_counter` from the base tables with a few INSERT … SELECT … GROUP BY statements,
 * in one transaction. For bulk loads (the demo seed, the national dataset generator) and repairs; run it while
 * nothing else writes. A table of (unit, counted ancestor) pairs, built from the parent chain, spreads each
 * unit's own figures to its ancestors.
 */
export async function rebuildCounters(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const sqlite = dataSource.options.type === "better-sqlite3";
  const sql = dialect(sqlite);
  try {
    await runner.startTransaction();
    await runner.query("DELETE FROM subtree_counter");
    await runner.query(
      sqlite
        ? "DROP TABLE IF EXISTS temp.counter_ancestor"
        : "DROP TEMPORARY TABLE IF EXISTS counter_ancestor",
    );
    await runner.query(
      "CREATE TEMPORARY TABLE counter_ancestor (unit_id INT NOT NULL, ancestor_id INT NOT NULL, PRIMARY KEY (unit_id, ancestor_id))",
    );
    await fillAncestors(runner);
    for (const statement of statements(sql)) await runner.query(statement);
    await runner.query(sqlite ? "DROP TABLE temp.counter_ancestor" : "DROP TEMPORARY TABLE counter_ancestor");
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** (unit, ancestor-or-self) for every ancestor that has counters, i.e. is not a cell. */
async function fillAncestors(runner: QueryRunner): Promise<void> {
  const [row] = (await runner.query("SELECT MAX(depth) AS d FROM org_unit")) as {
    d: number | string | null;
  }[];
  const maxDepth = Number(row?.d ?? 0);
  for (let k = 0; k <= maxDepth; k++) {
    const joins = Array.from(
      { length: k },
      (_, i) => `JOIN org_unit u${i + 1} ON u${i + 1}.id = u${i}.parent_id`,
    ).join(" ");
    await runner.query(
      `INSERT INTO counter_ancestor (unit_id, ancestor_id) SELECT u0.id, u${k}.id FROM org_unit u0 ${joins} WHERE u${k}.level <> 'CELL'`,
    );
  }
}

interface Dialect {
  concat: (a: string, b: string) => string;
  year: (column: string) => string;
  month: (column: string) => string;
  greatest: (a: string, b: string) => string;
}

function dialect(sqlite: boolean): Dialect {
  return sqlite
    ? {
        concat: (a, b) => `(${a} || ${b})`,
        year: (c) => `CAST(SUBSTR(${c}, 1, 4) AS INTEGER)`,
        month: (c) => `CAST(strftime('%Y%m', ${c}) AS INTEGER)`,
        greatest: (a, b) => `MAX(${a}, ${b})`,
      }
    : {
        concat: (a, b) => `CONCAT(${a}, ${b})`,
        year: (c) => `YEAR(${c})`,
        month: (c) => `EXTRACT(YEAR_MONTH FROM ${c})`,
        greatest: (a, b) => `GREATEST(${a}, ${b})`,
      };
}

const INSERT = "INSERT INTO subtree_counter (unit_id, period, metric, value)";
const nextMonth = (ym: string) => `(${ym} + CASE WHEN ${ym} % 100 = 12 THEN 89 ELSE 1 END)`;

/** Spreads per-unit facts (unit_id, period, metric, v) to the counted ancestors, summing. */
const spread = (facts: string) =>
  `${INSERT} SELECT c.ancestor_id, f.period, f.metric, SUM(f.v) FROM (${facts}) f
   JOIN counter_ancestor c ON c.unit_id = f.unit_id
   GROUP BY c.ancestor_id, f.period, f.metric HAVING SUM(f.v) <> 0`;

function statements(d: Dialect): string[] {
  const q = (s: string) => `'${s}'`;
  const rural = "u.kind IN ('COMMUNE', 'RURAL_DISTRICT')";
  const structureMetric = `CASE WHEN u.kind = 'COMMUNE' THEN ${q(Metric.communes)} ELSE ${q(Metric.districts)} END`;
  const recognisedMetric = `CASE WHEN u.kind = 'COMMUNE' THEN ${q(Metric.communesRecognised)} ELSE ${q(Metric.districtsRecognised)} END`;
  const recognisedFrom = d.greatest(d.year("u.valid_from"), "r.year");
  const recognisedSpan = `(u.valid_to IS NULL OR ${recognisedFrom} <= ${d.year("u.valid_to")})`;
  // Criteria met per commune and year (communes existing in the year), and whether recognised by then.
  const met = `SELECT s.unit_id AS unit_id, s.year AS year, COUNT(*) AS k,
      (SELECT COUNT(*) FROM ntm_recognition r WHERE r.unit_id = s.unit_id AND r.year <= s.year) AS rec
    FROM ntm_criterion_status s JOIN org_unit u ON u.id = s.unit_id
    WHERE s.met = 1 AND u.kind = 'COMMUNE' AND ${d.year("u.valid_from")} <= s.year
      AND (u.valid_to IS NULL OR ${d.year("u.valid_to")} >= s.year)
    GROUP BY s.unit_id, s.year`;
  const assessed = "JOIN directive dr ON dr.id = a.directive_id AND dr.min_visits_per_month IS NOT NULL";
  const visitMonths = `SELECT a.unit_id AS unit_id, ${d.month("v.visited_on")} AS ym, COUNT(*) AS n,
      dr.min_visits_per_month AS req, ${d.month("a.starts_on")} AS first_ym,
      CASE WHEN a.ends_on IS NULL THEN NULL ELSE ${d.month("a.ends_on")} END AS last_ym
    FROM visit v JOIN assignment a ON a.id = v.assignment_id ${assessed}
    GROUP BY a.id, a.unit_id, ${d.month("v.visited_on")}, dr.min_visits_per_month, a.starts_on, a.ends_on`;
  return [
    spread(`SELECT p.unit_id AS unit_id, p.year AS period, ${d.concat("'pledge.'", "p.status")} AS metric, COUNT(*) AS v
            FROM pledge p GROUP BY p.unit_id, p.year, p.status`),
    spread(`SELECT x.raised_by_unit_id AS unit_id, 0 AS period, ${d.concat("'concern.'", "x.status")} AS metric, COUNT(*) AS v
            FROM concern x GROUP BY x.raised_by_unit_id, x.status`),
    spread(`SELECT u.id AS unit_id, ${d.year("u.valid_from")} AS period, ${structureMetric} AS metric, 1 AS v
              FROM org_unit u WHERE ${rural}
            UNION ALL
            SELECT u.id, ${d.year("u.valid_to")} + 1, ${structureMetric}, -1
              FROM org_unit u WHERE ${rural} AND u.valid_to IS NOT NULL
            UNION ALL
            SELECT u.id, ${recognisedFrom}, ${recognisedMetric}, 1
              FROM org_unit u JOIN ntm_recognition r ON r.unit_id = u.id WHERE ${rural} AND ${recognisedSpan}
            UNION ALL
            SELECT u.id, ${d.year("u.valid_to")} + 1, ${recognisedMetric}, -1
              FROM org_unit u JOIN ntm_recognition r ON r.unit_id = u.id
              WHERE ${rural} AND u.valid_to IS NOT NULL AND ${recognisedSpan}`),
    spread(
      `SELECT m.unit_id AS unit_id, m.year AS period, ${q(Metric.metSum)} AS metric, m.k AS v FROM (${met}) m`,
    ),
    spread(
      `SELECT m.unit_id AS unit_id, m.year AS period, ${d.concat("'ntm.met.'", "m.k")} AS metric, 1 AS v FROM (${met}) m`,
    ),
    spread(`SELECT m.unit_id AS unit_id, m.year AS period, ${d.concat("'ntm.met_rec.'", "m.k")} AS metric, 1 AS v
            FROM (${met}) m WHERE m.rec > 0`),
    spread(`SELECT a.unit_id AS unit_id, ${d.month("a.starts_on")} AS period, ${q(Metric.assessed)} AS metric, 1 AS v
              FROM assignment a ${assessed}
            UNION ALL
            SELECT a.unit_id, ${nextMonth(d.month("a.ends_on"))}, ${q(Metric.assessed)}, -1
              FROM assignment a ${assessed} WHERE a.ends_on IS NOT NULL`),
    spread(`SELECT t.unit_id AS unit_id, t.ym AS period, ${q(Metric.compliant)} AS metric, 1 AS v FROM (${visitMonths}) t
            WHERE t.n >= t.req AND t.first_ym <= t.ym AND (t.last_ym IS NULL OR t.last_ym >= t.ym)`),
  ];
}
