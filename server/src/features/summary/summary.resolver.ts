import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { UnitRef } from "../../core/subtree";
import { OrgUnit } from "../org-units/org-unit.entity";
import { resolveUnitRef, unitById } from "../org-units/org-unit.service";
import { PledgeStatus } from "../pledges/pledge.enums";
import { assignmentTotals, cellCoverage, ntmUnits, pledgesByStatus, unitsByKind, visitTotals } from "./summary.service";
import {
  AssignmentTotals,
  CellCoverage,
  NtmSummary,
  PledgeStatusCount,
  UnitKindCount,
  UnitSummary,
  VisitTotals,
} from "./summary.types";

export function summaryOf(unit: OrgUnit, year: number): UnitSummary {
  return Object.assign(new UnitSummary(), { unit, year });
}

@Resolver(() => UnitSummary)
export class SummaryResolver {
  @Query(() => UnitSummary, { description: "Aggregates over a unit's subtree (the unit itself included) for a year." })
  async unitSummary(
    @Ctx() ctx: Context,
    @Arg("unit", () => UnitRef, { description: "The unit whose subtree is summed up." }) unit: UnitRef,
    @Arg("year", () => Int, { description: "The year, e.g. 2016." }) year: number,
  ): Promise<UnitSummary> {
    return summaryOf(await resolveUnitRef(ctx, unit), year);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit at the root of the subtree." })
  async unit(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<OrgUnit> {
    return (await unitById(ctx).load(s.unit.id)) ?? s.unit;
  }

  @FieldResolver(() => [UnitKindCount], { description: "Units of the subtree valid in the year, by kind." })
  unitsByKind(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<UnitKindCount[]> {
    return unitsByKind(ctx, s.year).load(s.unit.id);
  }

  @FieldResolver(() => CellCoverage, { description: "Party cells and whether someone directs them in the year." })
  async cells(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<CellCoverage> {
    const c = await cellCoverage(ctx, s.year).load(s.unit.id);
    return { total: c.total, withDirector: c.withDirector, withoutDirector: c.total - c.withDirector };
  }

  @FieldResolver(() => AssignmentTotals, { description: "Assignments running in the year to units of the subtree." })
  async assignments(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<AssignmentTotals> {
    const a = await assignmentTotals(ctx, s.year).load(s.unit.id);
    return { assignments: a.assignments, directingMembers: a.members, directedUnits: a.units };
  }

  @FieldResolver(() => [PledgeStatusCount], { description: "The year's pledges for units of the subtree, by status (statuses with none left out)." })
  pledgesByStatus(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<PledgeStatusCount[]> {
    return pledgesByStatus(ctx, s.year).load(s.unit.id);
  }

  @FieldResolver(() => Int, { description: "All of the year's pledges for units of the subtree." })
  async pledgeCount(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<number> {
    return (await pledgesByStatus(ctx, s.year).load(s.unit.id)).reduce((sum, c) => sum + c.count, 0);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Confirmed pledges as a share (0–1) of the year's pledges, withdrawn ones left out; null when there are none.",
  })
  async confirmationRate(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<number | null> {
    const counts = await pledgesByStatus(ctx, s.year).load(s.unit.id);
    const live = counts.filter((c) => c.status !== PledgeStatus.WITHDRAWN).reduce((sum, c) => sum + c.count, 0);
    const confirmed = counts.find((c) => c.status === PledgeStatus.CONFIRMED)?.count ?? 0;
    return live === 0 ? null : Math.round((confirmed / live) * 10000) / 10000;
  }

  @FieldResolver(() => VisitTotals, { description: "Visits made in the year to units of the subtree." })
  async visits(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<VisitTotals> {
    const v = await visitTotals(ctx, s.year).load(s.unit.id);
    return { visits: v.visits, visitingMembers: v.members };
  }

  @FieldResolver(() => NtmSummary, { description: "New Rural Development progress of the subtree's communes and rural districts." })
  async ntm(@Root() s: UnitSummary, @Ctx() ctx: Context): Promise<NtmSummary> {
    const units = await ntmUnits(ctx, s.year).load(s.unit.id);
    return Object.assign(new NtmSummary(), {
      communes: units.filter((u) => u.kind === "COMMUNE"),
      ruralDistricts: units.filter((u) => u.kind === "RURAL_DISTRICT"),
    });
  }
}
