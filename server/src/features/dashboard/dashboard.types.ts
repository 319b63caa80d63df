import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";
import { NtmSummary, PledgeStatusCount } from "../summary/summary.types";
import { ComplianceTotals } from "../visits/compliance.service";

@ObjectType("Dashboard", {
  description:
    "The live aggregate of a unit's subtree for a year: computed once per burst of changes and sent to every subscriber of the same unit and year.",
})
export class Dashboard {
  @Field(() => OrgUnit, {
    description: "The unit whose subtree the figures cover (the one asked, cut to what you may see).",
  })
  unit: OrgUnit;

  @Field(() => Int, { description: "The year." })
  year: number;

  @Field(() => Int, { description: "The month that `visitCompliance` is about." })
  month: number;

  @Field(() => ID, {
    nullable: true,
    description: "Global ID of the last event the figures include; resume `events(since:)` from it.",
  })
  lastEventId: string | null;

  @Field(() => DateTimeScalar, { description: "When the figures were computed." })
  computedAt: Date;

  @Field(() => [PledgeStatusCount], { description: "The year's pledges by status." })
  pledgesByStatus: PledgeStatusCount[];

  @Field(() => Int, { description: "All of the year's pledges." })
  pledgeCount: number;

  @Field(() => Int, { description: "Confirmed pledges of the year." })
  confirmedCount: number;

  @Field(() => Float, {
    nullable: true,
    description: "Confirmed share (0–1) of the year's pledges, withdrawn ones left out.",
  })
  confirmationRate: number | null;

  @Field(() => ComplianceTotals, { description: "Assignments meeting the monthly visit rule in `month`." })
  visitCompliance: ComplianceTotals;

  @Field(() => NtmSummary, { description: "New Rural Development progress." })
  ntm: NtmSummary;

  @Field(() => Int, {
    description: "Concerns raised in the subtree and not yet resolved (OPEN or IN_PROGRESS).",
  })
  openConcerns: number;
}
