import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { OrgUnit } from "../org-units/org-unit.entity";
import { UnitGrade } from "./evaluation.enums";

@ObjectType("UnitEvaluation", {
  implements: Node,
  description: "Annual grade of a Party organisation, e.g. a cell (xếp loại tổ chức đảng).",
})
@Entity("unit_evaluation")
@Index("idx_unit_evaluation_unit_year", ["unitId", "year"], { unique: true })
@Index("idx_unit_evaluation_year_grade", ["year", "grade"])
export class UnitEvaluation extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Field(() => Int, { description: "Year evaluated." })
  @Column({ type: "int" })
  year: number;

  @Field(() => UnitGrade, { description: "The grade." })
  @Column({ type: "varchar", length: 24 })
  grade: UnitGrade;
}
