import { Field, ObjectType } from "type-graphql";
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, dateTransformer } from "../../core/scalars";
import { Member } from "../members/member.entity";
import { OrgUnit } from "../org-units/org-unit.entity";

@ObjectType("Delegation", {
  implements: Node,
  description: "A working delegation sent to a unit (đoàn công tác).",
})
@Entity("delegation")
@Index("idx_delegation_visited_date", ["visitedUnitId", "visitedOn"])
@Index("idx_delegation_leading_date", ["leadingUnitId", "visitedOn"])
export class Delegation extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  leadingUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "leading_unit_id" })
  leadingUnit?: Relation<OrgUnit>;

  @Column({ type: "int" })
  visitedUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "visited_unit_id" })
  visitedUnit?: Relation<OrgUnit>;

  @Field(() => DateScalar, { description: "Day of the working session." })
  @Column({ type: "date", transformer: dateTransformer })
  visitedOn: string;

  @Field({ description: "Purpose or title, e.g. `Làm việc với Đảng ủy xã Tân Thạnh`." })
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Field(() => String, { nullable: true, description: "Conclusions of the session." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @ManyToMany(() => Member)
  @JoinTable({
    name: "delegation_member",
    joinColumn: { name: "delegation_id", referencedColumnName: "id" },
    inverseJoinColumn: { name: "member_id", referencedColumnName: "id" },
  })
  members?: Relation<Member[]>;
}
