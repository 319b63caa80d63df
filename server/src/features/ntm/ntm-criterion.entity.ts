import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../core/node";

@ObjectType("NtmCriterion", {
  implements: Node,
  description:
    "One of the 19 national criteria for a New Rural Development commune (tiêu chí xã nông thôn mới).",
})
@Entity("ntm_criterion")
export class NtmCriterion extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field(() => Int, { description: "Number in the national set, 1 to 19." })
  @Column({ type: "int", unique: true })
  number: number;

  @Field({ description: "Name in Vietnamese, e.g. `Giao thông`." })
  @Column({ type: "varchar", length: 120 })
  name: string;

  @Field({ description: "Name in English, e.g. `Transport`." })
  @Column({ type: "varchar", length: 120 })
  nameEn: string;

  @Field({ description: "Group of criteria in English, e.g. `Socio-economic infrastructure`." })
  @Column({ type: "varchar", length: 64 })
  groupName: string;
}
