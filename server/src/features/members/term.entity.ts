import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, dateTransformer } from "../../core/scalars";

@ObjectType("Term", { implements: Node, description: "A committee term (nhiệm kỳ), e.g. 2015–2020." })
@Entity("term")
export class Term extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field({ description: "Code of the term, `2015-2020`." })
  @Column({ type: "varchar", length: 16, unique: true })
  code: string;

  @Field({ description: "Name as shown to users, `Nhiệm kỳ 2015–2020`." })
  @Column({ type: "varchar", length: 64 })
  name: string;

  @Field(() => Int, { description: "Year the term starts." })
  @Column({ type: "int" })
  startYear: number;

  @Field(() => Int, { description: "Year the term ends." })
  @Column({ type: "int" })
  endYear: number;

  @Field(() => DateScalar, { description: "First day of the term." })
  @Column({ type: "date", transformer: dateTransformer })
  startsOn: string;

  @Field(() => DateScalar, { description: "Last day of the term." })
  @Column({ type: "date", transformer: dateTransformer })
  endsOn: string;
}
