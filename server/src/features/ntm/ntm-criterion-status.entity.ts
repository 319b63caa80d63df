import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, booleanTransformer, dateTransformer } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";
import { NtmCriterion } from "./ntm-criterion.entity";

@ObjectType("NtmCriterionStatus", {
  implements: Node,
  description: "Whether a commune meets one NTM criterion in a year, with the date and evidence.",
})
@Entity("ntm_criterion_status")
@Index("idx_ntm_status_unit_year_criterion", ["unitId", "year", "criterionId"], { unique: true })
@Index("idx_ntm_status_year_met", ["year", "met"])
export class NtmCriterionStatus extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Field(() => Int, { description: "Year of the assessment." })
  @Column({ type: "int" })
  year: number;

  @Index("idx_ntm_status_criterion")
  @Column({ type: "int" })
  criterionId: number;

  @ManyToOne(() => NtmCriterion, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "criterion_id" })
  criterion?: Relation<NtmCriterion>;

  @Field({ description: "True when the criterion is met (đạt)." })
  @Column({ type: "boolean", transformer: booleanTransformer })
  met: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Date the criterion was assessed as met." })
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  metOn: string | null;

  @Field(() => String, { nullable: true, description: "Evidence: the assessment document or a note." })
  @Column({ type: "text", nullable: true })
  evidence: string | null;
}
