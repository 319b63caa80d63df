import { Arg, Field, Float, Int, ObjectType } from "type-graphql";
import { UnitKind } from "../org-units/org-unit.enums";
import type { OrgUnit } from "../org-units/org-unit.entity";
import { PledgeStatus } from "../pledges/pledge.enums";

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
  /** Per-commune data the fields below are computed from. */
  communes: { criteriaMet: number; recognised: boolean }[];
  ruralDistricts: { recognised: boolean }[];

  @Field(() => Int, { description: "Rural communes (xã) in the subtree." })
  communeCount(): number {
    return this.communes.length;
  }

  @Field(() => Int, {
    description: "Communes recognised as meeting the NTM standard by the end of the year.",
  })
  communesRecognised(): number {
    return this.communes.filter((c) => c.recognised).length;
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
    for (const c of this.communes) {
      if (recognised == null || c.recognised === recognised)
        counts.set(c.criteriaMet, (counts.get(c.criteriaMet) ?? 0) + 1);
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
    if (this.communes.length === 0) return null;
    return (
      Math.round((this.communes.reduce((sum, c) => sum + c.criteriaMet, 0) / this.communes.length) * 100) /
      100
    );
  }

  @Field(() => Int, { description: "Rural districts (huyện) in the subtree." })
  ruralDistrictCount(): number {
    return this.ruralDistricts.length;
  }

  @Field(() => Int, {
    description: "Rural districts recognised as meeting the NTM standard by the end of the year.",
  })
  districtsRecognised(): number {
    return this.ruralDistricts.filter((d) => d.recognised).length;
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
