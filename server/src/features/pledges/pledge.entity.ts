import { Field, Float, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, DateTimeScalar, dateTransformer, decimalTransformer } from "../../core/scalars";
import { Assignment } from "../assignments/assignment.entity";
import { Member } from "../members/member.entity";
import { NtmCriterion } from "../ntm/ntm-criterion.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { PledgeCategory, PledgeStatus } from "./pledge.enums";

/**
 * A piece of work a member registers for a year (phần việc đăng ký). `unitId` and `memberId` repeat the
 * assignment's so that the common filters (unit subtree, member, year, status) are single indexed lookups.
 */
@ObjectType("Pledge", {
  implements: Node,
  description: "A concrete piece of work a directing member pledges for a year (phần việc đăng ký).",
})
@Entity("pledge")
@Index("idx_pledge_unit_year_status", ["unitId", "year", "status"])
@Index("idx_pledge_member_year", ["memberId", "year"])
@Index("idx_pledge_year_status", ["year", "status"])
export class Pledge extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Index("idx_pledge_assignment")
  @Column({ type: "int" })
  assignmentId: number;

  @ManyToOne(() => Assignment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "assignment_id" })
  assignment?: Relation<Assignment>;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Column({ type: "int" })
  memberId: number;

  @ManyToOne(() => Member, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "member_id" })
  member?: Relation<Member>;

  @Field(() => Int, { description: "Year the work is pledged for." })
  @Column({ type: "int" })
  year: number;

  @Field({ description: "What will be done, e.g. `Nâng cấp 13 km đường giao thông nông thôn`." })
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Field(() => PledgeCategory, { description: "Field of work." })
  @Column({ type: "varchar", length: 24 })
  category: PledgeCategory;

  @Index("idx_pledge_criterion")
  @Column({ type: "int", nullable: true })
  ntmCriterionId: number | null;

  @ManyToOne(() => NtmCriterion, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "ntm_criterion_id" })
  ntmCriterion?: Relation<NtmCriterion>;

  @Field(() => Float, { nullable: true, description: "Target quantity, e.g. 13 (with `targetUnit` km)." })
  @Column({ type: "decimal", precision: 14, scale: 2, nullable: true, transformer: decimalTransformer })
  targetQuantity: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Unit of the target quantity, e.g. `km`, `trường`, `căn nhà`.",
  })
  @Column({ type: "varchar", length: 32, nullable: true })
  targetUnit: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date by which the work is due." })
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  dueOn: string | null;

  @Field(() => PledgeStatus, { description: "Lifecycle status." })
  @Column({ type: "varchar", length: 16 })
  status: PledgeStatus;

  @Field(() => Float, { nullable: true, description: "Quantity achieved, as reported." })
  @Column({ type: "decimal", precision: 14, scale: 2, nullable: true, transformer: decimalTransformer })
  achievedQuantity: number | null;

  @Field(() => String, { nullable: true, description: "What was achieved, in the member's report." })
  @Column({ type: "text", nullable: true })
  reportNote: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Evidence offered with the report (minutes, photos described).",
  })
  @Column({ type: "text", nullable: true })
  evidenceNote: string | null;

  @Field(() => [String], { description: "Links to evidence documents offered with the report." })
  @Column({ type: "simple-json" })
  evidenceLinks: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was last reported done." })
  @Column({ type: "datetime", nullable: true })
  reportedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was confirmed or rejected." })
  @Column({ type: "datetime", nullable: true })
  decidedAt: Date | null;

  @Column({ type: "int", nullable: true })
  decidedByUnitId: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "decided_by_unit_id" })
  decidedByUnit?: Relation<OrgUnit>;

  @Field(() => String, { nullable: true, description: "Why the confirming committee rejected the report." })
  @Column({ type: "text", nullable: true })
  rejectionReason: string | null;

  @Field(() => Int, { description: "Optimistic-lock version, raised by every change." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When it was registered." })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When it last changed." })
  @UpdateDateColumn()
  updatedAt: Date;
}
