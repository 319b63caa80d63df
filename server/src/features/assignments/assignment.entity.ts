import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, dateTransformer } from "../../core/scalars";
import { Directive } from "../directives/directive.entity";
import { Member } from "../members/member.entity";
import { Term } from "../members/term.entity";
import { OrgUnit } from "../org-units/org-unit.entity";

export enum AssignmentScope {
  COMPREHENSIVE = "COMPREHENSIVE",
  NTM_SUPPORT = "NTM_SUPPORT",
  AREA = "AREA",
}

registerEnumType(AssignmentScope, {
  name: "AssignmentScope",
  description: "What the assigned member directs (phạm vi phân công).",
  valuesConfig: {
    COMPREHENSIVE: { description: "Comprehensive direction of the unit (chỉ đạo toàn diện)." },
    NTM_SUPPORT: { description: "Support for New Rural Development (hỗ trợ xây dựng nông thôn mới)." },
    AREA: { description: "Direction of an urban area (chỉ đạo khu vực)." },
  },
});

@ObjectType("Assignment", {
  implements: Node,
  description: "A member assigned to direct a unit under a directive (phân công chỉ đạo).",
})
@Entity("assignment")
// Covers "running in a period" per unit and the distinct members/units of subtree totals without reading rows.
@Index("idx_assignment_unit_span", ["unitId", "startsOn", "endsOn", "memberId"])
@Index("idx_assignment_member_dates", ["memberId", "startsOn"])
export class Assignment extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  memberId: number;

  @ManyToOne(() => Member, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "member_id" })
  member?: Relation<Member>;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Index("idx_assignment_directive")
  @Column({ type: "int" })
  directiveId: number;

  @ManyToOne(() => Directive, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "directive_id" })
  directive?: Relation<Directive>;

  @Index("idx_assignment_term")
  @Column({ type: "int", nullable: true })
  termId: number | null;

  @ManyToOne(() => Term, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "term_id" })
  term?: Relation<Term>;

  @Field(() => AssignmentScope, { description: "What the member directs." })
  @Column({ type: "varchar", length: 16 })
  scope: AssignmentScope;

  @Field(() => DateScalar, { description: "First day of the assignment." })
  @Column({ type: "date", transformer: dateTransformer })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the assignment; null while it runs." })
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  endsOn: string | null;
}
