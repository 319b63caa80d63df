import type { DataSource } from "typeorm";
import { createContext, type Context, type ContextServices } from "../../core/context";
import type { OrgUnit } from "../org-units/org-unit.entity";
import { subtreeUpperBound } from "../org-units/org-unit.entity";
import { Role } from "../users/user.entity";
import { ntmTotalsOfUnits, ntmUnits, pledgesByStatusRecount } from "../summary/summary.service";
import { complianceTotalsRecount } from "../visits/compliance.service";
import type { NtmTotals } from "./counters.read";

/**
 * The figures the counters replace, recounted from the base tables by joining the subtree's path range (the
 * queries the dashboard ran before the counters). Tests compare the two; the scale benchmark times both.
 */

/** A context that sees exactly the subtree of `root`, as the dashboard hub's. */
export function subtreeContext(db: DataSource, root: OrgUnit): Context {
  return createContext({ db } as ContextServices, {
    userId: 0,
    username: "recount",
    roles: [Role.VIEWER],
    unitId: root.id,
    unitPath: root.path,
    memberId: null,
  });
}

export interface Figures {
  pledgesByStatus: { status: string; count: number }[];
  ntm: NtmTotals;
  compliance: { assessed: number; compliant: number };
  openConcerns: number;
}

export async function recountFigures(
  ctx: Context,
  root: OrgUnit,
  year: number,
  month: number,
): Promise<Figures> {
  const [pledges, units, compliance, concerns] = await Promise.all([
    pledgesByStatusRecount(ctx, year).load(root.id),
    ntmUnits(ctx, year).load(root.id),
    complianceTotalsRecount(ctx, root, year, month),
    ctx.db.query(
      `SELECT COUNT(*) AS n FROM concern c JOIN org_unit u ON u.id = c.raised_by_unit_id
       WHERE u.path >= ? AND u.path < ? AND c.status IN ('OPEN', 'IN_PROGRESS')`,
      [root.path, subtreeUpperBound(root.path)],
    ) as Promise<{ n: number | string }[]>,
  ]);
  return {
    pledgesByStatus: pledges,
    ntm: ntmTotalsOfUnits(units),
    compliance: { assessed: compliance.assessed, compliant: compliance.compliant },
    openConcerns: Number(concerns[0]?.n ?? 0),
  };
}
