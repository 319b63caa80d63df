import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, dateTransformer } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";
import { Member } from "./member.entity";
import { PositionRole } from "./member.enums";
import { Term } from "./term.entity";

@ObjectType("Position", {
  implements: Node,
  description: "A position a member holds in a unit for a term (chức vụ).",
})
@Entity("position")
@Index("idx_position_unit_role", ["unitId", "role"])
export class Position extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Index("idx_position_member")
  @Column({ type: "int" })
  memberId: number;

  @ManyToOne(() => Member, { onDelete: "CASCADE" })
  @JoinColumn({ name: "member_id" })
  member?: Relation<Member>;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Field(() => PositionRole, { description: "The role." })
  @Column({ type: "varchar", length: 32 })
  role: PositionRole;

  @Field({ description: "Title as written, e.g. `Trưởng Ban Tuyên giáo Huyện ủy`." })
  @Column({ type: "varchar", length: 160 })
  title: string;

  @Index("idx_position_term")
  @Column({ type: "int", nullable: true })
  termId: number | null;

  @ManyToOne(() => Term, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "term_id" })
  term?: Relation<Term>;

  @Field(() => DateScalar, { description: "First day in the position." })
  @Column({ type: "date", transformer: dateTransformer })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day in the position; null while held." })
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  endsOn: string | null;
}
