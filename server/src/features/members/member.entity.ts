import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { booleanTransformer, dateTransformer } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";

/**
 * A Party member or cadre (đảng viên, cán bộ). Phone and birth date are personal: they are stored here but are
 * not GraphQL fields of this type; the authorisation layer exposes them to the roles that cover them.
 */
@ObjectType("Member", { implements: Node, description: "A Party member or cadre (đảng viên, cán bộ)." })
@Entity("member")
export class Member extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field({ description: "Staff code, unique in the city." })
  @Column({ type: "varchar", length: 32, unique: true })
  code: string;

  @Field({ description: "Full name as written in Vietnamese." })
  @Column({ type: "varchar", length: 120 })
  fullName: string;

  @Index("idx_member_search_name")
  @Column({ type: "varchar", length: 120 })
  searchName: string;

  /** Vietnamese order sorts by given name first (the last word), then the whole name. */
  @Index("idx_member_sort_key")
  @Column({ type: "varchar", length: 255 })
  sortKey: string;

  @Index("idx_member_home_unit")
  @Column({ type: "int" })
  homeUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "home_unit_id" })
  homeUnit?: Relation<OrgUnit>;

  /** Personal. */
  @Column({ type: "varchar", length: 32, nullable: true })
  phone: string | null;

  /** Personal. */
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  birthDate: string | null;

  /** True for demo people made up by the generator (every person in the demo data is). */
  @Field({ description: "True when this person is generated demo data, not a real person." })
  @Column({ type: "boolean", default: false, transformer: booleanTransformer })
  generated: boolean;
}
