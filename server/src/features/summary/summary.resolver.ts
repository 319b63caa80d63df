import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import { covers, requireViewer } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode } from "../../core/errors";
import { UnitRef } from "../../core/subtree";
import { OrgUnit } from "../org-units/org-unit.entity";
import { resolveUnitRef, unitById } from "../org-units/org-unit.service";
import { PledgeStatus } from "../pledges/pledge.enums";
import {
  assignmentTotals,
  cellCoverage,
  ntmTotals,
  pledgesByStatus,
  unitsByKind,
  visitTotals,
} from "./summary.service";
import {
  AssignmentTotals,
  CellCoverage,
  NtmSummary,
  PledgeStatusCount,
  UnitKindCount,
  UnitSummary,
  VisitTotals,
} from "./summary.types";

/**
 * The figures about people's work (cells directed, assignments, pledges, visits) cover only what the caller may
 * see: the unit's subtree when it lies in the caller's, the caller's own subtree when that lies inside the unit's
 * (a Cờ Đỏ viewer asking about the city gets Cờ Đỏ's figures), and nothing otherwise (FORBIDDEN).
 */
export function coveredUnitId(ctx: Context, unit: OrgUnit): number {
  const viewer = requireViewer(ctx);
  if (covers(viewer, unit.path)) return unit.id;
  if (viewer.unitPath.startsWith(unit.path)) return viewer.unitId;
  throw new ApiError(ErrorCode.FORBIDDEN, "These figures are about units outside your subtree.", {
    unitCode: unit.code,
  });
}

export function summaryOf(unit: OrgUnit, year: number): UnitSummary {
  return Object.assign(new UnitSummary(), { unit, year });
}

@Resolver(() => UnitSummary)
export class SummaryResolver {
  @Query(() => UnitSummary, {
    description: "Aggregates over a unit's subtree (the unit itself included) for a year.",
  })
  async unitSummary(
    @Ctx() ctx: Context,
    @Arg("unit", () => UnitRef, { description: "The unit whose subtree is summed up." }) unit: UnitRef,
    @Arg("year", () => Int, { description: "The year, e.g. 2016." }) year: number,
  ): Promise<UnitSummary> {
    const root = await resolveUnitRef(ctx, unit);
    // Read by code: the loaders below that look units up by id (pledgesByStatus asks whether it is a cell)
    // find it here instead of reading the row again.
    unitById(ctx).prime(root.id, root);
    return summaryOf(root, year);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit at the root of the subtree." })
  async unit(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<OrgUnit> {
    return (await unitById(ctx).load(s.unit.id)) ?? s.unit;
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description:
      "The unit whose subtree the figures about people's work (cells, assignments, pledges, visits) cover: this unit, or your own unit when you may see only part of this one; null when you may see none of it.",
  })
  coveredUnit(@Root() s: UnitSummary, @Ctx() ctx: Context) {
    if (!ctx.viewer) return null;
    try {
      return unitById(ctx).load(coveredUnitId(ctx, s.unit));
    } catch {
      return null;
    }
  }

  @FieldResolver(() => [UnitKindCount], { description: "Units of the subtree valid in the year, by kind." })
  unitsByKind(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<UnitKindCount[]> {
    return unitsByKind(ctx, s.year).load(s.unit.id);
  }

  @FieldResolver(() => CellCoverage, {
    description: "Party cells and whether someone directs them in the year.",
  })
  async cells(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<CellCoverage> {
    const c = await cellCoverage(ctx, s.year).load(coveredUnitId(ctx, s.unit));
    return { total: c.total, withDirector: c.withDirector, withoutDirector: c.total - c.withDirector };
  }

  @FieldResolver(() => AssignmentTotals, {
    description: "Assignments running in the year to units of the subtree.",
  })
  async assignments(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<AssignmentTotals> {
    const a = await assignmentTotals(ctx, s.year).load(coveredUnitId(ctx, s.unit));
    return { assignments: a.assignments, directingMembers: a.members, directedUnits: a.units };
  }

  @FieldResolver(() => [PledgeStatusCount], {
    description: "The year's pledges for units of the subtree, by status (statuses with none left out).",
  })
  pledgesByStatus(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<PledgeStatusCount[]> {
    return pledgesByStatus(ctx, s.year).load(coveredUnitId(ctx, s.unit));
  }

  @FieldResolver(() => Int, { description: "All of the year's pledges for units of the subtree." })
  async pledgeCount(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<number> {
    return (await pledgesByStatus(ctx, s.year).load(coveredUnitId(ctx, s.unit))).reduce(
      (sum, c) => sum + c.count,
      0,
    );
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Confirmed pledges as a share (0–1) of the year's pledges, withdrawn ones left out; null when there are none.",
  })
  async confirmationRate(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<number | null> {
    const counts = await pledgesByStatus(ctx, s.year).load(coveredUnitId(ctx, s.unit));
    const live = counts
      .filter((c) => c.status !== PledgeStatus.WITHDRAWN)
      .reduce((sum, c) => sum + c.count, 0);
    const confirmed = counts.find((c) => c.status === PledgeStatus.CONFIRMED)?.count ?? 0;
    return live === 0 ? null : Math.round((confirmed / live) * 10000) / 10000;
  }

  @FieldResolver(() => VisitTotals, { description: "Visits made in the year to units of the subtree." })
  async visits(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<VisitTotals> {
    const v = await visitTotals(ctx, s.year).load(coveredUnitId(ctx, s.unit));
    return { visits: v.visits, visitingMembers: v.members };
  }

  @FieldResolver(() => NtmSummary, {
    description: "New Rural Development progress of the subtree's communes and rural districts.",
  })
  async ntm(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<NtmSummary> {
    return NtmSummary.of(await ntmTotals(ctx, s.year).load(s.unit.id));
  }
}
