import { Field, Int, ObjectType } from "type-graphql";
import type { Context } from "../../core/context";
import { monthPeriod, type Period } from "../../core/period";
import { loaderScope, whereVisible } from "../../core/scope";
import { whereInSubtree } from "../../core/subtree";
import { paginate, type Page } from "../../core/pagination";
import { Assignment } from "../assignments/assignment.entity";
import { whereActive } from "../assignments/assignment.service";
import { Directive } from "../directives/directive.entity";
import type { OrgUnit } from "../org-units/org-unit.entity";
import { UnitLevel } from "../org-units/org-unit.enums";
import { covers } from "../../core/auth/viewer";
import { complianceCounts } from "../counters/counters.read";

/**
 * The monthly visit rule (DESIGN.md §4): an assignment is compliant for a month with at least the directive's
 * minimum of visits (2 for Bình Thủy's 02-NQ/QU). Assignments under directives without a minimum are not assessed.
 */
@ObjectType("MonthlyCompliance", {
  description: "Whether one assignment met its directive's visit rule in one month.",
})
export class MonthlyCompliance {
  assignmentId: number;

  @Field(() => Int, { description: "Year." })
  year: number;
  @Field(() => Int, { description: "Month, 1–12." })
  month: number;
  @Field(() => Int, { description: "Visits the directive requires in a month." })
  required: number;
  @Field(() => Int, { description: "Visits recorded in the month." })
  visits: number;
  @Field({ description: "True when visits ≥ required." })
  compliant: boolean;
}

@ObjectType("ComplianceTotals", {
  description: "How many assessed assignments met the visit rule in a month.",
})
export class ComplianceTotals {
  @Field(() => Int, {
    description: "Assignments running in the month under a directive with a visit minimum.",
  })
  assessed: number;
  @Field(() => Int, { description: "Of those, assignments with at least the minimum of visits." })
  compliant: number;
  @Field(() => Int, { description: "Of those, assignments below the minimum." })
  belowMinimum: number;
}

/** Visits per assignment in a period, batched. */
export const visitCounts = (ctx: Context, period: Period) =>
  ctx.loaders.get<number, number>(`visitCounts:${period.from}:${period.to}`, async (ids) => {
    const rows: { assignment_id: number | string; n: number | string }[] = await ctx.db.query(
      `SELECT assignment_id, COUNT(*) AS n FROM visit WHERE assignment_id IN (${ids.map(() => "?").join(", ")})
       AND visited_on >= ? AND visited_on <= ? GROUP BY assignment_id`,
      [...ids, period.from, period.to],
    );
    const counts = new Map(rows.map((r) => [Number(r.assignment_id), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });

/** Minimum visits per assignment (from its directive), batched; null when the directive sets none. */
export const requiredVisits = (ctx: Context) =>
  ctx.loaders.get<number, number | null>("requiredVisits", async (ids) => {
    const rows: { id: number | string; min: number | string | null }[] = await ctx.db.query(
      `SELECT a.id AS id, d.min_visits_per_month AS min FROM assignment a JOIN directive d ON d.id = a.directive_id
       WHERE a.id IN (${ids.map(() => "?").join(", ")})`,
      [...ids],
    );
    const mins = new Map(rows.map((r) => [Number(r.id), r.min == null ? null : Number(r.min)]));
    return ids.map((id) => mins.get(id) ?? null);
  });

export async function complianceOf(
  ctx: Context,
  assignment: Assignment,
  year: number,
  month: number,
): Promise<MonthlyCompliance | null> {
  const required = await requiredVisits(ctx).load(assignment.id);
  if (required == null) return null;
  const period = monthPeriod(year, month);
  if (assignment.startsOn > period.to || (assignment.endsOn != null && assignment.endsOn < period.from))
    return null;
  const visits = await visitCounts(ctx, period).load(assignment.id);
  return Object.assign(new MonthlyCompliance(), {
    assignmentId: assignment.id,
    year,
    month,
    required,
    visits,
    compliant: visits >= required,
  });
}

/** Assessed assignments (visible, running in the month, under a directive with a minimum) in a subtree. */
function assessedQuery(ctx: Context, root: OrgUnit, period: Period) {
  const query = whereVisible(
    ctx,
    ctx.db.getRepository(Assignment).createQueryBuilder("a"),
    "a.unitId",
  ).innerJoin(Directive, "d", "d.id = a.directiveId AND d.minVisitsPerMonth IS NOT NULL");
  whereInSubtree(query, "a.unitId", root.path);
  return whereActive(query, "a", period);
}

export async function listCompliance(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
  page: { first?: number; after?: string },
): Promise<Page<Assignment>> {
  return paginate(assessedQuery(ctx, root, monthPeriod(year, month)), page, [
    { path: "a.id", direction: "ASC", value: (a) => a.id },
  ]);
}

/**
 * Compliance totals of a month in a subtree: from the subtree counters when the caller sees the whole subtree of a
 * unit above the cells, recounted from the assignments and visits otherwise.
 */
export async function complianceTotals(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
): Promise<ComplianceTotals> {
  monthPeriod(year, month);
  if (root.level === UnitLevel.CELL || !covers(ctx.viewer, root.path))
    return complianceTotalsRecount(ctx, root, year, month);
  const { assessed, compliant } = (await complianceCounts(ctx, [root.id], year, month)).get(root.id)!;
  return { assessed, compliant, belowMinimum: assessed - compliant };
}

/** The same totals counted from the assignments and visits the caller may see. */
export async function complianceTotalsRecount(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
): Promise<ComplianceTotals> {
  const period = monthPeriod(year, month);
  if (!loaderScope(ctx)) return { assessed: 0, compliant: 0, belowMinimum: 0 };
  const [sql, params] = assessedQuery(ctx, root, period)
    .select("a.id", "id")
    .addSelect("d.minVisitsPerMonth", "required")
    .addSelect(
      "(SELECT COUNT(*) FROM visit v WHERE v.assignment_id = a.id AND v.visited_on >= :vFrom AND v.visited_on <= :vTo)",
      "visits",
    )
    .setParameters({ vFrom: period.from, vTo: period.to })
    .getQueryAndParameters();
  const rows: { required: number | string; visits: number | string }[] = await ctx.db.query(
    `SELECT COUNT(*) AS assessed, SUM(CASE WHEN t.visits >= t.required THEN 1 ELSE 0 END) AS compliant FROM (${sql}) t`,
    params,
  );
  const row = rows[0] as unknown as { assessed: number | string; compliant: number | string | null };
  const assessed = Number(row.assessed);
  const compliant = Number(row.compliant ?? 0);
  return { assessed, compliant, belowMinimum: assessed - compliant };
}
