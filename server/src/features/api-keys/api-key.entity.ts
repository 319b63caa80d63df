import { Field, Int, ObjectType } from "type-graphql";
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
import { DateTimeScalar } from "../../core/scalars";
import { OrgUnit } from "../org-units/org-unit.entity";

/**
 * A third party's key: read-only, cut to a unit's subtree, never personal fields, with its own cost budget.
 * Only a SHA-256 of the secret is stored (the secret is 32 random bytes, so a fast hash is enough); the
 * prefix finds the row.
 */
@ObjectType("ApiKey", {
  implements: Node,
  description: "A third party's read-only API key, with its unit scope and budget.",
})
@Entity("api_key")
export class ApiKey extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field({ description: "Who the key is for, e.g. `Cổng thông tin tỉnh`." })
  @Column({ type: "varchar", length: 120 })
  name: string;

  @Field({ description: "The key's public prefix (`atk_xxxxxxxx`), to recognise it in logs." })
  @Index("idx_api_key_prefix", { unique: true })
  @Column({ type: "varchar", length: 16 })
  prefix: string;

  @Column({ type: "varchar", length: 64 })
  secretHash: string;

  @Column({ type: "int" })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "unit_id" })
  unit?: Relation<OrgUnit>;

  @Field(() => Int, { description: "Cost points the key may spend in an hour." })
  @Column({ type: "int" })
  pointsPerHour: number;

  @Field(() => Int, { description: "Cost points the key may spend in any 10 seconds (the burst limit)." })
  @Column({ type: "int" })
  burstPoints: number;

  @Column({ type: "int" })
  createdByUserId: number;

  @Field(() => DateTimeScalar, { description: "When it was created." })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When it was revoked; it stops working at once.",
  })
  @Column({ type: "datetime", nullable: true })
  revokedAt: Date | null;
}
