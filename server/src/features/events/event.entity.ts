import { Field, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../core/node";
import { DateTimeScalar } from "../../core/scalars";

/**
 * One change, as a row: the audit trail, the source of subscriptions and the replay log. Ids ascend in commit
 * order of the transaction that wrote them; `unitPath` is the path of the unit the change belongs to, so that
 * "events in a subtree" is a range scan.
 */
@ObjectType("Event", {
  implements: Node,
  description: "One change to the data: who, when, what, before and after.",
})
@Entity("event")
@Index("idx_event_entity", ["entityType", "entityId"])
@Index("idx_event_unit_path", ["unitPath", "id"])
@Index("idx_event_occurred", ["occurredAt"])
export class Event extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field(() => DateTimeScalar, { description: "When the change was committed." })
  @CreateDateColumn()
  occurredAt: Date;

  @Column({ type: "int", nullable: true })
  actorUserId: number | null;

  @Field({ description: "Who made the change, as a label (user name or `system`)." })
  @Column({ type: "varchar", length: 120 })
  actorLabel: string;

  @Field({ description: "What happened, e.g. `PLEDGE_CONFIRMED`." })
  @Index("idx_event_action")
  @Column({ type: "varchar", length: 48 })
  action: string;

  @Field({ description: "Type of the changed object, e.g. `Pledge`." })
  @Column({ type: "varchar", length: 48 })
  entityType: string;

  @Column({ type: "int" })
  entityId: number;

  @Column({ type: "int", nullable: true })
  unitId: number | null;

  @Column({ type: "varchar", length: 255, nullable: true })
  unitPath: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The object before the change; null on creation.",
  })
  @Column({ type: "simple-json", nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The object after the change; null on deletion." })
  @Column({ type: "simple-json", nullable: true })
  after: unknown;
}
