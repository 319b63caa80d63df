import type { EntityManager } from "typeorm";
import { covers, requireRole } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { yearPeriod } from "../../core/period";
import type { UnitRef } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { OrgUnit, subtreeUpperBound } from "../org-units/org-unit.entity";
import { resolveUnitRef, unitById } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { Grade } from "./evaluation.enums";
import { GradeQuotaWarning } from "./evaluation.payloads";
import { gradeQuota, type GradeQuota } from "./grade-quota";

interface QuotaRow extends GradeQuota {
  unitId: number;
}

/**
 * Organisations (home units) in the subtree at `path` that break the 2018 rule in `year`, in path order: one
 * grouped statement over the final grades. With `unitId`, only that organisation.
 */
async function quotaBreaches(
  manager: EntityManager,
  options: { path: string; year: number; unitId?: number },
): Promise<QuotaRow[]> {
  const excellent = `SUM(CASE WHEN e.final_grade = '${Grade.EXCELLENT}' THEN 1 ELSE 0 END)`;
  const good = `SUM(CASE WHEN e.final_grade = '${Grade.GOOD}' THEN 1 ELSE 0 END)`;
  const params: unknown[] = [options.year, options.path, subtreeUpperBound(options.path)];
  if (options.unitId != null) params.push(options.unitId);
  const rows: { unit_id: number | string; excellent: number | string; good: number | string }[] =
    await manager.query(
      `SELECT m.home_unit_id AS unit_id, ${excellent} AS excellent, ${good} AS good
       FROM evaluation e
       JOIN member m ON m.id = e.member_id
       JOIN org_unit h ON h.id = m.home_unit_id
       WHERE e.year = ? AND e.final_grade IN ('${Grade.EXCELLENT}', '${Grade.GOOD}')
         AND h.path >= ? AND h.path < ?${options.unitId != null ? " AND m.home_unit_id = ?" : ""}
       GROUP BY m.home_unit_id
       HAVING ${excellent} > 0 AND 5 * ${excellent} > ${good}
       ORDER BY MIN(h.path)`,
      params,
    );
  return rows.map((row) => ({
    unitId: Number(row.unit_id),
    ...gradeQuota(Number(row.excellent), Number(row.good)),
  }));
}

const warning = (unit: OrgUnit, year: number, row: QuotaRow) =>
  Object.assign(new GradeQuotaWarning(), {
    unit,
    year,
    excellent: row.excellent,
    good: row.good,
    maxExcellent: row.maxExcellent,
  });

/** The warning for a member's organisation (their home unit) in a year, or null when it keeps the rule. */
export async function quotaWarningOf(
  ctx: Context,
  memberId: number,
  year: number,
): Promise<GradeQuotaWarning | null> {
  const member = await ctx.db.getRepository(Member).findOneByOrFail({ id: memberId });
  const home = await ctx.db.getRepository(OrgUnit).findOneByOrFail({ id: member.homeUnitId });
  const [row] = await quotaBreaches(ctx.db.manager, { path: home.path, year, unitId: home.id });
  return row ? warning(home, year, row) : null;
}

/**
 * Organisations in the subtree that break the rule in the year: COMMITTEE and ADMIN only, cut to the part of
 * the subtree the caller covers (nothing when the two do not meet).
 */
export async function listQuotaWarnings(
  ctx: Context,
  ref: UnitRef,
  year: number,
): Promise<GradeQuotaWarning[]> {
  const viewer = requireRole(ctx, Role.COMMITTEE, Role.ADMIN);
  yearPeriod(year);
  const root = await resolveUnitRef(ctx, ref);
  const path = covers(viewer, root.path)
    ? root.path
    : viewer.unitPath.startsWith(root.path)
      ? viewer.unitPath
      : null;
  if (path == null) return [];
  const rows = await quotaBreaches(ctx.db.manager, { path, year });
  const units = await unitById(ctx).loadMany(rows.map((row) => row.unitId));
  return rows.map((row, i) => warning(units[i] as OrgUnit, year, row));
}
