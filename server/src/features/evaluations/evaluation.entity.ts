import { Field, Int, ObjectType } from "type-graphql";
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from "typeorm";
import { Node } from "../../core/node";
import { DateTimeScalar } from "../../core/scalars";
import { Member } from "../members/member.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { Grade } from "./evaluation.enums";

/** A member's annual evaluation (đánh giá, xếp loại đảng viên). Personal: readable only by covering roles. */
@ObjectType("Evaluation", {
  implements: Node,
  description: "A member's annual evaluation (đánh giá, xếp loại đảng viên).",
})
@Entity("evaluation")
@Index("idx_evaluation_member_year", ["memberId", "year"], { unique: true })
@Index("idx_evaluation_year_final", ["year", "finalGrade"])
export class Evaluation extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  memberId: number;

  @ManyToOne(() => Member, { onDelete: "CASCADE" })
  @JoinColumn({ name: "member_id" })
  member?: Relation<Member>;

  @Field(() => Int, { description: "Year evaluated." })
  @Column({ type: "int" })
  year: number;

  @Field(() => Grade, {
    nullable: true,
    description: "Grade proposed by the rule from the year's pledges and visits.",
  })
  @Column({ type: "varchar", length: 16, nullable: true })
  proposedGrade: Grade | null;

  @Field(() => Grade, { nullable: true, description: "Grade the committee set; null until it decides." })
  @Column({ type: "varchar", length: 16, nullable: true })
  finalGrade: Grade | null;

  @Index("idx_evaluation_decided_by")
  @Column({ type: "int", nullable: true })
  decidedByUnitId: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "decided_by_unit_id" })
  decidedByUnit?: Relation<OrgUnit>;

  @Field(() => String, { nullable: true, description: "The committee's remarks." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { description: "When it last changed." })
  @UpdateDateColumn()
  updatedAt: Date;
}
