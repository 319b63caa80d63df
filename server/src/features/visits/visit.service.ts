import { Field, ID, InputType } from "type-graphql";
import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { DateScalar, toDateString } from "../../core/scalars";
import { loaderScope, scopedById, whereVisible } from "../../core/scope";
import { whereInSubtree, UnitRef } from "../../core/subtree";
import { subtreePath } from "../org-units/org-unit.service";
import { Visit, VisitKind } from "./visit.entity";

export const visitById = (ctx: Context) => scopedById(ctx, Visit, "visit", (v) => [v.unitId]);

@InputType("VisitFilter", { description: "Which visits to list; all conditions must hold." })
export class VisitFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only visits to units in this unit's subtree (the unit included).",
  })
  under?: UnitRef;

  @Field(() => ID, { nullable: true, description: "Only visits by this member." })
  member?: string;

  @Field(() => ID, { nullable: true, description: "Only visits under this assignment." })
  assignment?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only visits on or after this day." })
  from?: Date;

  @Field(() => DateScalar, { nullable: true, description: "Only visits on or before this day." })
  to?: Date;

  @Field(() => [VisitKind], { nullable: true, description: "Only visits of these kinds." })
  kinds?: VisitKind[];
}

export interface VisitListArgs {
  from?: Date;
  to?: Date;
}

export const visitsOfAssignment = (ctx: Context, args: VisitListArgs) => {
  const from = args.from ? toDateString(args.from) : null;
  const to = args.to ? toDateString(args.to) : null;
  return listLoader(
    ctx.loaders,
    "visitsOfAssignment",
    { from, to },
    async (ids) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const query = ctx.db
        .getRepository(Visit)
        .createQueryBuilder("v")
        .where("v.assignmentId IN (:...ids)", { ids });
      whereInSubtree(query, "v.unitId", scope);
      if (from) query.andWhere("v.visitedOn >= :from", { from });
      if (to) query.andWhere("v.visitedOn <= :to", { to });
      return query.orderBy("v.visitedOn").addOrderBy("v.id").getMany();
    },
    (v) => v.assignmentId,
  );
};

export async function listVisits(
  ctx: Context,
  filter: VisitFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Visit>> {
  const query = whereVisible(ctx, ctx.db.getRepository(Visit).createQueryBuilder("v"), "v.unitId");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "v.unitId", path);
  if (filter.member) query.andWhere("v.memberId = :member", { member: idOfType(filter.member, "Member") });
  if (filter.assignment)
    query.andWhere("v.assignmentId = :assignment", { assignment: idOfType(filter.assignment, "Assignment") });
  if (filter.from) query.andWhere("v.visitedOn >= :from", { from: toDateString(filter.from) });
  if (filter.to) query.andWhere("v.visitedOn <= :to", { to: toDateString(filter.to) });
  if (filter.kinds?.length) query.andWhere("v.kind IN (:...kinds)", { kinds: filter.kinds });
  return paginate(query, page, [
    { path: "v.visitedOn", direction: "DESC", value: (v) => v.visitedOn },
    { path: "v.id", direction: "DESC", value: (v) => v.id },
  ]);
}
