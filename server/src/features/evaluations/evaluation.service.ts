import { Field, ID, InputType, Int } from "type-graphql";
import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { whereInSubtree, UnitRef } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { subtreePath } from "../org-units/org-unit.service";
import { Evaluation } from "./evaluation.entity";
import { Grade, UnitGrade } from "./evaluation.enums";
import { UnitEvaluation } from "./unit-evaluation.entity";

export const evaluationById = (ctx: Context) => ctx.loaders.byId(Evaluation, "evaluation");
export const unitEvaluationById = (ctx: Context) => ctx.loaders.byId(UnitEvaluation, "unitEvaluation");

@InputType("EvaluationFilter", { description: "Which member evaluations to list; all conditions must hold." })
export class EvaluationFilter {
  @Field(() => UnitRef, { nullable: true, description: "Only members whose home unit is in this subtree (the unit included)." })
  under?: UnitRef;

  @Field(() => ID, { nullable: true, description: "Only this member's evaluations." })
  member?: string;

  @Field(() => Int, { nullable: true, description: "Only this year." })
  year?: number;

  @Field(() => [Grade], { nullable: true, description: "Only these final grades." })
  finalGrades?: Grade[];
}

@InputType("UnitEvaluationFilter", { description: "Which unit grades to list; all conditions must hold." })
export class UnitEvaluationFilter {
  @Field(() => UnitRef, { nullable: true, description: "Only units in this subtree (the unit included)." })
  under?: UnitRef;

  @Field(() => Int, { nullable: true, description: "Only this year." })
  year?: number;

  @Field(() => [UnitGrade], { nullable: true, description: "Only these grades." })
  grades?: UnitGrade[];
}

export const evaluationsOfMember = (ctx: Context, year: number | undefined) =>
  listLoader(
    ctx.loaders,
    "evaluationsOfMember",
    year,
    (ids) => {
      const q = ctx.db.getRepository(Evaluation).createQueryBuilder("e").where("e.memberId IN (:...ids)", { ids });
      if (year != null) q.andWhere("e.year = :year", { year });
      return q.orderBy("e.year", "DESC").getMany();
    },
    (e) => e.memberId,
  );

export const unitEvaluationsOfUnit = (ctx: Context, year: number | undefined) =>
  listLoader(
    ctx.loaders,
    "unitEvaluationsOfUnit",
    year,
    (ids) => {
      const q = ctx.db.getRepository(UnitEvaluation).createQueryBuilder("e").where("e.unitId IN (:...ids)", { ids });
      if (year != null) q.andWhere("e.year = :year", { year });
      return q.orderBy("e.year", "DESC").getMany();
    },
    (e) => e.unitId,
  );

export async function listEvaluations(ctx: Context, filter: EvaluationFilter = {}, page: { first?: number; after?: string }): Promise<Page<Evaluation>> {
  const query = ctx.db.getRepository(Evaluation).createQueryBuilder("e");
  const path = await subtreePath(ctx, filter.under);
  if (path) {
    query.innerJoin(Member, "em", "em.id = e.memberId");
    whereInSubtree(query, "em.homeUnitId", path);
  }
  if (filter.member) query.andWhere("e.memberId = :member", { member: idOfType(filter.member, "Member") });
  if (filter.year != null) query.andWhere("e.year = :year", { year: filter.year });
  if (filter.finalGrades?.length) query.andWhere("e.finalGrade IN (:...grades)", { grades: filter.finalGrades });
  return paginate(query, page, [{ path: "e.id", direction: "ASC", value: (e) => e.id }]);
}

export async function listUnitEvaluations(ctx: Context, filter: UnitEvaluationFilter = {}, page: { first?: number; after?: string }): Promise<Page<UnitEvaluation>> {
  const query = ctx.db.getRepository(UnitEvaluation).createQueryBuilder("e");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "e.unitId", path);
  if (filter.year != null) query.andWhere("e.year = :year", { year: filter.year });
  if (filter.grades?.length) query.andWhere("e.grade IN (:...grades)", { grades: filter.grades });
  return paginate(query, page, [{ path: "e.id", direction: "ASC", value: (e) => e.id }]);
}
