import type { Context } from "../../core/context";
import { toGlobalId } from "../../core/global-id";
import { subtreeUpperBound, type OrgUnit } from "../org-units/org-unit.entity";
import { PledgeStatus } from "../pledges/pledge.enums";
import { monthPeriod } from "../../core/period";
import { complianceCounts, openConcernCounts } from "../counters/counters.read";
import { UnitLevel } from "../org-units/org-unit.enums";
import { ntmTotals, pledgesByStatus } from "../summary/summary.service";
import { NtmSummary } from "../summary/summary.types";
import { complianceTotals, type ComplianceTotals } from "../visits/compliance.service";
import { Dashboard } from "./dashboard.types";

/** The month a dashboard shows compliance for: the current month in the current year, December of past years. */
export function dashboardMonth(year: number, now = new Date()): number {
  return year === now.getUTCFullYear() ? now.getUTCMonth() + 1 : year < now.getUTCFullYear() ? 12 : 1;
}

/** Visit compliance and open concerns of the subtree: counters, or the base tables for a cell. */
async function complianceAndConcerns(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
): Promise<[ComplianceTotals, number]> {
  monthPeriod(year, month);
  if (root.level !== UnitLevel.CELL) {
    const [compliance, concerns] = await Promise.all([
      complianceCounts(ctx, [root.id], year, month),
      openConcernCounts(ctx, [root.id]),
    ]);
    const { assessed, compliant } = compliance.get(root.id)!;
    return [{ assessed, compliant, belowMinimum: assessed - compliant }, concerns.get(root.id)!];
  }
  const [compliance, concerns] = await Promise.all([
    complianceTotals(ctx, root, year, month),
    ctx.db.query(
      `SELECT COUNT(*) AS n FROM concern c JOIN org_unit u ON u.id = c.raised_by_unit_id
       WHERE u.path >= ? AND u.path < ? AND c.status IN ('OPEN', 'IN_PROGRESS')`,
      [root.path, subtreeUpperBound(root.path)],
    ) as Promise<{ n: number | string }[]>,
  ]);
  return [compliance, Number(concerns[0]?.n ?? 0)];
}

/**
 * Computes a dashboard from the subtree counters (a few primary-key reads, whatever the size of the subtree);
 * `ctx` must see the whole subtree of `root`.
 */
export async function computeDashboard(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
  lastEventId: number,
): Promise<Dashboard> {
  const [byStatus, [compliance, openConcerns], ntm] = await Promise.all([
    pledgesByStatus(ctx, year).load(root.id),
    complianceAndConcerns(ctx, root, year, month),
    ntmTotals(ctx, year).load(root.id),
  ]);
  const live = byStatus
    .filter((c) => c.status !== PledgeStatus.WITHDRAWN)
    .reduce((sum, c) => sum + c.count, 0);
  const confirmed = byStatus.find((c) => c.status === PledgeStatus.CONFIRMED)?.count ?? 0;
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
    visitCompliance: compliance,
    ntm: NtmSummary.of(ntm),
    openConcerns,
  });
}
