import type { Context } from "../../core/context";
import { toGlobalId } from "../../core/global-id";
import { monthPeriod } from "../../core/period";
import { dashboardCounts } from "../counters/counters.read";
import { recountFigures } from "../counters/counters.recount";
import type { OrgUnit } from "../org-units/org-unit.entity";
import { UnitLevel } from "../org-units/org-unit.enums";
import { PledgeStatus } from "../pledges/pledge.enums";
import { NtmSummary, type PledgeStatusCount } from "../summary/summary.types";
import { Dashboard } from "./dashboard.types";

/** The month a dashboard shows compliance for: the current month in the current year, December of past years. */
export function dashboardMonth(year: number, now = new Date()): number {
  return year === now.getUTCFullYear() ? now.getUTCMonth() + 1 : year < now.getUTCFullYear() ? 12 : 1;
}

/**
 * Computes a dashboard: for a unit above the cells, from its subtree counters in one primary-key read whatever
 * the size of the subtree; for a cell, from the base tables. `ctx` must see the whole subtree of `root`.
 */
export async function computeDashboard(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
  lastEventId: number,
): Promise<Dashboard> {
  monthPeriod(year, month);
  const figures =
    root.level !== UnitLevel.CELL
      ? await dashboardCounts(ctx, root.id, year, month)
      : await recountFigures(ctx, root, year, month);
  const byStatus = figures.pledgesByStatus as PledgeStatusCount[];
  const live = byStatus
    .filter((c) => c.status !== PledgeStatus.WITHDRAWN)
    .reduce((sum, c) => sum + c.count, 0);
  const confirmed = byStatus.find((c) => c.status === PledgeStatus.CONFIRMED)?.count ?? 0;
  const { assessed, compliant } = figures.compliance;
  return Object.assign(new Dashboard(), {
    unit: root,
    year,
    month,
    lastEventId: lastEventId > 0 ? toGlobalId("Event", lastEventId) : null,
    computedAt: new Date(),
    pledgesByStatus: byStatus,
    pledgeCount: byStatus.reduce((sum, c) => sum + c.count, 0),
    confirmedCount: confirmed,
    confirmationRate: live === 0 ? null : Math.round((confirmed / live) * 10000) / 10000,
    visitCompliance: { assessed, compliant, belowMinimum: assessed - compliant },
    ntm: NtmSummary.of(figures.ntm),
    openConcerns: figures.openConcerns,
  });
}
