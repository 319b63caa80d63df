import { Field, ObjectType, registerEnumType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, DateTimeScalar, dateTransformer } from "../../core/scalars";
import { Assignment } from "../assignments/assignment.entity";
import { Member } from "../members/member.entity";
import { OrgUnit } from "../org-units/org-unit.entity";

export enum VisitKind {
  CELL_MEETING = "CELL_MEETING",
  MOVEMENT = "MOVEMENT",
  WORKING_SESSION = "WORKING_SESSION",
}

registerEnumType(VisitKind, {
  name: "VisitKind",
  description: "Why the member went to the unit (hình thức về cơ sở).",
  valuesConfig: {
    CELL_MEETING: { description: "Sat in on the cell's meeting (dự sinh hoạt chi bộ)." },
    MOVEMENT: { description: "Took part in a movement or campaign (tham gia phong trào)." },
    WORKING_SESSION: { description: "Working session with the unit's committee (làm việc với cấp ủy)." },
  },
});

@ObjectType("Visit", {
  implements: Node,
  description: "A visit of a directing member to the unit (về cơ sở).",
})
@Entity("visit")
@Index("idx_visit_assignment_date", ["assignmentId", "visitedOn"])
// Covers the subtree visit totals (count and distinct members in a period) without reading rows.
@Index("idx_visit_unit_date_member", ["unitId", "visitedOn", "memberId"])
@Index("idx_visit_member_date", ["memberId", "visitedOn"])
export class Visit extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

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

  @Field(() => DateScalar, { description: "Day of the visit." })
  @Column({ type: "date", transformer: dateTransformer })
  visitedOn: string;

  @Field(() => VisitKind, { description: "Kind of visit." })
  @Column({ type: "varchar", length: 16 })
  kind: VisitKind;

  @Field(() => String, { nullable: true, description: "What happened, in a sentence or two." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { description: "When the visit was recorded." })
  @CreateDateColumn()
  createdAt: Date;
}
