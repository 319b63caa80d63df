import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, dateTransformer } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";

/**
 * The decision that recognises a commune (or a district, once all its communes are) as meeting the NTM
 * standard. Meeting 19 criteria is not recognition: this record is.
 */
@ObjectType("NtmRecognition", {
  implements: Node,
  description:
    "A decision recognising a commune or district as meeting the New Rural standard (công nhận đạt chuẩn NTM).",
})
@Entity("ntm_recognition")
@Index("idx_ntm_recognition_unit", ["unitId"], { unique: true })
@Index("idx_ntm_recognition_year", ["year"])
export class NtmRecognition extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Field({ description: "Number of the decision as written, e.g. `3456/QĐ-UBND`." })
  @Column({ type: "varchar", length: 48 })
  decisionNumber: string;

  @Field(() => DateScalar, { description: "Date of the decision." })
  @Column({ type: "date", transformer: dateTransformer })
  decidedOn: string;

  @Field(() => Int, { description: "Year of recognition (the year of `decidedOn`)." })
  @Column({ type: "int" })
  year: number;
}
