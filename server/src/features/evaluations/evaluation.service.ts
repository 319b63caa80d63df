import { Field, ID, InputType, Int } from "type-graphql";
import { In } from "typeorm";
import { hasRole, requireViewer, seesPersonal } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode } from "../../core/errors";
import { loaderScope, scopedById, unitPaths, whereVisible } from "../../core/scope";
import { Role } from "../users/user.entity";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { whereInSubtree, UnitRef } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { subtreePath } from "../org-units/org-unit.service";
import { Evaluation } from "./evaluation.entity";
import { Grade, UnitGrade } from "./evaluation.enums";
import { UnitEvaluation } from "./unit-evaluation.entity";

/** Homes of members by id, unscoped: only to decide whether the caller sees their personal fields. */
const memberHome = (ctx: Context) =>
  ctx.loaders.get<number, number | null>("memberHome", async (ids) => {
    const rows = await ctx.db
      .getRepository(Member)
      .find({ select: { id: true, homeUnitId: true }, where: { id: In([...ids]) } });
    const byId = new Map(rows.map((m) => [m.id, m.homeUnitId]));
    return ids.map((id) => byId.get(id) ?? null);
  });

/** Whether the caller may see this member's personal fields (phone, birth date, evaluations). */
export async function seesPersonalOf(ctx: Context, memberId: number): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (ctx.viewer.memberId === memberId) return true;
  const home = await memberHome(ctx).load(memberId);
  const paths = await unitPaths(ctx, [home]);
  return seesPersonal(ctx.viewer, {
    id: memberId,
    homeUnitPath: home == null ? "" : (paths.get(home) ?? ""),
  });
}

export const evaluationById = (ctx: Context) =>
  ctx.loaders.get<number, Evaluation | null>("evaluationByIdScoped", async (ids) => {
    const rows = await ctx.db.getRepository(Evaluation).findBy({ id: In([...ids]) });
    const allowed = await Promise.all(rows.map((e) => seesPersonalOf(ctx, e.memberId)));
    const byId = new Map(rows.filter((_, i) => allowed[i]).map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  });
export const unitEvaluationById = (ctx: Context) =>
  scopedById(ctx, UnitEvaluation, "unitEvaluation", (e) => [e.unitId]);

@InputType("EvaluationFilter", { description: "Which member evaluations to list; all conditions must hold." })
export class EvaluationFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only members whose home unit is in this subtree (the unit included).",
  })
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
      const q = ctx.db
        .getRepository(Evaluation)
        .createQueryBuilder("e")
        .where("e.memberId IN (:...ids)", { ids });
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
    async (ids) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const q = ctx.db
        .getRepository(UnitEvaluation)
        .createQueryBuilder("e")
        .where("e.unitId IN (:...ids)", { ids });
      whereInSubtree(q, "e.unitId", scope);
      if (year != null) q.andWhere("e.year = :year", { year });
      return q.orderBy("e.year", "DESC").getMany();
    },
    (e) => e.unitId,
  );

export async function listEvaluations(
  ctx: Context,
  filter: EvaluationFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Evaluation>> {
  const viewer = requireViewer(ctx);
  const query = ctx.db
    .getRepository(Evaluation)
    .createQueryBuilder("e")
    .innerJoin(Member, "em", "em.id = e.memberId");
  if (hasRole(viewer, Role.ADMIN, Role.COMMITTEE)) {
    whereInSubtree(query, "em.homeUnitId", viewer.unitPath);
  } else if (viewer.memberId != null) {
    query.andWhere("e.memberId = :own", { own: viewer.memberId });
  } else {
    throw new ApiError(
      ErrorCode.FORBIDDEN,
      "Evaluations are personal: only committees, the city office and the member see them.",
    );
  }
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "em.homeUnitId", path);
  if (filter.member) query.andWhere("e.memberId = :member", { member: idOfType(filter.member, "Member") });
  if (filter.year != null) query.andWhere("e.year = :year", { year: filter.year });
  if (filter.finalGrades?.length)
    query.andWhere("e.finalGrade IN (:...grades)", { grades: filter.finalGrades });
  return paginate(query, page, [{ path: "e.id", direction: "ASC", value: (e) => e.id }]);
}

export async function listUnitEvaluations(
  ctx: Context,
  filter: UnitEvaluationFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<UnitEvaluation>> {
  const query = whereVisible(ctx, ctx.db.getRepository(UnitEvaluation).createQueryBuilder("e"), "e.unitId");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "e.unitId", path);
  if (filter.year != null) query.andWhere("e.year = :year", { year: filter.year });
  if (filter.grades?.length) query.andWhere("e.grade IN (:...grades)", { grades: filter.grades });
  return paginate(query, page, [{ path: "e.id", direction: "ASC", value: (e) => e.id }]);
}
