import { Arg, Field, Float, Int, ObjectType } from "type-graphql";
import { UnitKind } from "../org-units/org-unit.enums";
import type { OrgUnit } from "../org-units/org-unit.entity";
import { PledgeStatus } from "../pledges/pledge.enums";
import type { NtmTotals } from "../counters/counters.read";

@ObjectType("UnitKindCount", { description: "How many units of one kind." })
export class UnitKindCount {
  @Field(() => UnitKind, { description: "The kind." })
  kind: UnitKind;
  @Field(() => Int, { description: "How many units of that kind." })
  count: number;
}

@ObjectType("PledgeStatusCount", { description: "How many pledges are in one status." })
export class PledgeStatusCount {
  @Field(() => PledgeStatus, { description: "The status." })
  status: PledgeStatus;
  @Field(() => Int, { description: "How many pledges are in it." })
  count: number;
}

@ObjectType("CellCoverage", {
  description: "Party cells of a subtree and whether someone is assigned to direct them.",
})
export class CellCoverage {
  @Field(() => Int, { description: "Cells in the subtree (valid in the year)." })
  total: number;
  @Field(() => Int, { description: "Cells with at least one assignment running in the year." })
  withDirector: number;
  @Field(() => Int, { description: "Cells with no assignment running in the year." })
  withoutDirector: number;
}

@ObjectType("AssignmentTotals", { description: "Assignments running in the year in a subtree." })
export class AssignmentTotals {
  @Field(() => Int, { description: "Assignments running at some time in the year." })
  assignments: number;
  @Field(() => Int, { description: "Distinct members directing (one person may direct several units)." })
  directingMembers: number;
  @Field(() => Int, { description: "Distinct units directed." })
  directedUnits: number;
}

@ObjectType("VisitTotals", { description: "Visits made in the year to units of a subtree." })
export class VisitTotals {
  @Field(() => Int, { description: "Visits recorded in the year." })
  visits: number;
  @Field(() => Int, { description: "Distinct members who visited." })
  visitingMembers: number;
}

@ObjectType("CriteriaMetCount", {
  description: "How many communes meet a given number of the 19 NTM criteria.",
})
export class CriteriaMetCount {
  @Field(() => Int, { description: "Number of criteria met, 0 to 19." })
  criteriaMet: number;
  @Field(() => Int, { description: "How many communes meet exactly that many." })
  communes: number;
}

@ObjectType("NtmSummary", { description: "New Rural Development progress of a subtree in a year." })
export class NtmSummary {
  /** Communes grouped by criteria met and recognition, and rural districts: what the fields below are computed from. */
  totals: NtmTotals;

  static of(totals: NtmTotals): NtmSummary {
    return Object.assign(new NtmSummary(), { totals });
  }

  @Field(() => Int, { description: "Rural communes (xã) in the subtree." })
  communeCount(): number {
    return this.totals.communes.reduce((sum, c) => sum + c.count, 0);
  }

  @Field(() => Int, {
    description: "Communes recognised as meeting the NTM standard by the end of the year.",
  })
  communesRecognised(): number {
    return this.totals.communes.filter((c) => c.recognised).reduce((sum, c) => sum + c.count, 0);
  }

  @Field(() => [CriteriaMetCount], {
    description:
      "Histogram: how many communes meet each number of criteria in the year, only counts that occur, ascending.",
  })
  communesByCriteriaMet(
    @Arg("recognised", () => Boolean, {
      nullable: true,
      description: "Only recognised (true) or not yet recognised (false) communes; all when omitted.",
    })
    recognised?: boolean,
  ): CriteriaMetCount[] {
    const counts = new Map<number, number>();
    for (const c of this.totals.communes) {
      if (c.count > 0 && (recognised == null || c.recognised === recognised))
        counts.set(c.criteriaMet, (counts.get(c.criteriaMet) ?? 0) + c.count);
    }
    return [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([criteriaMet, communes]) => ({ criteriaMet, communes }));
  }

  @Field(() => Float, {
    nullable: true,
    description: "Mean criteria met per commune; null without communes.",
  })
  averageCriteriaMet(): number | null {
    const communes = this.communeCount();
    if (communes === 0) return null;
    const met = this.totals.communes.reduce((sum, c) => sum + c.criteriaMet * c.count, 0);
    return Math.round((met / communes) * 100) / 100;
  }

  @Field(() => Int, { description: "Rural districts (huyện) in the subtree." })
  ruralDistrictCount(): number {
    return this.totals.ruralDistricts;
  }

  @Field(() => Int, {
    description: "Rural districts recognised as meeting the NTM standard by the end of the year.",
  })
  districtsRecognised(): number {
    return this.totals.districtsRecognised;
  }
}

@ObjectType("UnitSummary", {
  description: "Aggregates over a unit's subtree (the unit itself included) for one year.",
})
export class UnitSummary {
  unit: OrgUnit;

  @Field(() => Int, { description: "The year the figures are for." })
  year: number;
}
