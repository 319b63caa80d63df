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
import { DateTimeScalar, booleanTransformer } from "../../core/scalars";
import { Member } from "../members/member.entity";
import { OrgUnit } from "../org-units/org-unit.entity";

export enum Role {
  ADMIN = "ADMIN",
  COMMITTEE = "COMMITTEE",
  MEMBER = "MEMBER",
  VIEWER = "VIEWER",
}

registerEnumType(Role, {
  name: "Role",
  description: "What a user may do; every role acts only within the subtree of the user's unit.",
  valuesConfig: {
    ADMIN: {
      description:
        "City standing office (Văn phòng Thành ủy): manages users, directives and assignments; sees personal fields.",
    },
    COMMITTEE: {
      description:
        "A unit's committee: confirms pledges of the units directly below it, manages its subtree, sees personal fields there.",
    },
    MEMBER: {
      description:
        "A directing member: registers, reports and withdraws their own pledges and records their visits.",
    },
    VIEWER: { description: "A department's read-only view of a subtree, without personal fields." },
  },
});

/** A person or office that signs in. Not a Party member record: MEMBER users link to one. */
@ObjectType("User", {
  implements: Node,
  description: "Someone who signs in, with roles over a unit's subtree.",
})
@Entity("app_user")
export class User extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field({ description: "Sign-in name." })
  @Column({ type: "varchar", length: 64, unique: true })
  username: string;

  /** scrypt$N$r$p$salt$hash; never exposed. */
  @Column({ type: "varchar", length: 255 })
  passwordHash: string;

  @Field({ description: "Name shown in the interface." })
  @Column({ type: "varchar", length: 120 })
  displayName: string;

  @Field(() => [Role], { description: "The user's roles." })
  @Column({ type: "simple-array" })
  roles: Role[];

  @Index("idx_user_unit")
  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Index("idx_user_member")
  @Column({ type: "int", nullable: true })
  memberId: number | null;

  @ManyToOne(() => Member, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "member_id" })
  member?: Relation<Member>;

  @Field({ description: "False when the account is disabled." })
  @Column({ type: "boolean", default: true, transformer: booleanTransformer })
  active: boolean;

  @Field(() => DateTimeScalar, { description: "When the account was created." })
  @CreateDateColumn()
  createdAt: Date;
}
