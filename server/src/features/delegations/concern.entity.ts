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
import { OrgUnit } from "../org-units/org-unit.entity";
import { Delegation } from "./delegation.entity";

export enum ConcernStatus {
  OPEN = "OPEN",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
}

registerEnumType(ConcernStatus, {
  name: "ConcernStatus",
  description: "Handling status of a concern: OPEN → IN_PROGRESS → RESOLVED.",
  valuesConfig: {
    OPEN: { description: "Raised, not yet taken up (mới)." },
    IN_PROGRESS: { description: "Being handled by the handler unit (đang xử lý)." },
    RESOLVED: { description: "Answered and resolved (đã giải quyết)." },
  },
});

@ObjectType("Concern", {
  implements: Node,
  description:
    "A difficulty, problem or proposal a unit raises (khó khăn, vướng mắc, kiến nghị), and its handling.",
})
@Entity("concern")
@Index("idx_concern_raised_status", ["raisedByUnitId", "status"])
@Index("idx_concern_handler_status", ["handlerUnitId", "status"])
export class Concern extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Column({ type: "int" })
  raisedByUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "raised_by_unit_id" })
  raisedByUnit?: Relation<OrgUnit>;

  @Index("idx_concern_delegation")
  @Column({ type: "int", nullable: true })
  delegationId: number | null;

  @ManyToOne(() => Delegation, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "delegation_id" })
  delegation?: Relation<Delegation>;

  @Column({ type: "int", nullable: true })
  handlerUnitId: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "handler_unit_id" })
  handlerUnit?: Relation<OrgUnit>;

  @Field({ description: "The concern in one line." })
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Field(() => String, { nullable: true, description: "Details." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => ConcernStatus, { description: "Handling status." })
  @Column({ type: "varchar", length: 16 })
  status: ConcernStatus;

  @Field(() => String, { nullable: true, description: "The handler's answer; set when resolved." })
  @Column({ type: "text", nullable: true })
  answer: string | null;

  @Field(() => DateScalar, { description: "Day the concern was raised." })
  @Column({ type: "date", transformer: dateTransformer })
  raisedOn: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When handling started." })
  @Column({ type: "datetime", nullable: true })
  startedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was resolved." })
  @Column({ type: "datetime", nullable: true })
  resolvedAt: Date | null;

  @Field(() => DateTimeScalar, { description: "When it was recorded." })
  @CreateDateColumn()
  createdAt: Date;
}
