import { scopePath } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { yearPeriod } from "../../core/period";
import { whereInSubtree, type UnitRef } from "../../core/subtree";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Concern, ConcernStatus } from "./concern.entity";
import type { ConcernStats } from "./concern-stats.types";
import { concernVisible } from "./delegation.service";

/** Days from the raising day (midnight UTC) to `resolved_at`: the measure `Concern.daysToResolve` shows. */
function daysSql(ctx: Context): string {
  return ctx.db.options.type === "better-sqlite3"
    ? "(julianday(c.resolved_at) - julianday(c.raised_on))"
    : "(TIMESTAMPDIFF(SECOND, c.raised_on, c.resolved_at) / 86400)";
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Counts by status and resolution times of the concerns raised in a subtree (optionally in one year), cut to
 * what the caller may see with the rule `concerns` uses. Two statements: the counts and mean grouped by status,
 * then the one or two middle values for the median (portable: MySQL and SQLite have no MEDIAN).
 */
export async function concernStats(
  ctx: Context,
  under: UnitRef,
  year?: number | null,
): Promise<ConcernStats> {
  const scope = scopePath(ctx);
  const unit = await resolveUnitRef(ctx, under);
  const period = year == null ? null : yearPeriod(year);
  const days = daysSql(ctx);
  const concerns = () => {
    const visible = concernVisible("c", scope);
    const query = ctx.db.getRepository(Concern).createQueryBuilder("c").where(visible.sql, visible.params);
    whereInSubtree(query, "c.raisedByUnitId", unit.path);
    if (period) query.andWhere("c.raisedOn >= :from AND c.raisedOn <= :to", period);
    return query;
  };

  const rows = await concerns()
    .select("c.status", "status")
    .addSelect("COUNT(*)", "n")
    .addSelect("COUNT(c.resolved_at)", "timed")
    .addSelect(`AVG(${days})`, "average")
    .groupBy("c.status")
    .getRawMany<{ status: string; n: number | string; timed: number | string; average: unknown }>();
  const byStatus = new Map(rows.map((row) => [row.status, row]));
  const count = (status: ConcernStatus) => Number(byStatus.get(status)?.n ?? 0);
  const resolved = byStatus.get(ConcernStatus.RESOLVED);
  const timed = Number(resolved?.timed ?? 0);

  let median: number | null = null;
  if (timed > 0) {
    const middle = await concerns()
      .select(days, "days")
      .andWhere("c.status = :resolved AND c.resolved_at IS NOT NULL", { resolved: ConcernStatus.RESOLVED })
      .orderBy(days, "ASC")
      .offset(Math.floor((timed - 1) / 2))
      .limit(timed % 2 === 1 ? 1 : 2)
      .getRawMany<{ days: unknown }>();
    median = middle.reduce((sum, row) => sum + Number(row.days), 0) / middle.length;
  }

  const open = count(ConcernStatus.OPEN);
  const inProgress = count(ConcernStatus.IN_PROGRESS);
  const resolvedCount = count(ConcernStatus.RESOLVED);
  return {
    open,
    inProgress,
    resolved: resolvedCount,
    total: open + inProgress + resolvedCount,
    averageDaysToResolve: timed > 0 ? round1(Number(resolved!.average)) : null,
    medianDaysToResolve: median == null ? null : round1(median),
  };
}
