import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { loaderScope, scopedById, whereVisible } from "../../core/scope";
import { whereInSubtree } from "../../core/subtree";
import { NtmCriterion } from "../ntm/ntm-criterion.entity";
import { subtreePath } from "../org-units/org-unit.service";
import { Pledge } from "./pledge.entity";
import type { PledgeStatus } from "./pledge.enums";
import type { PledgeFilter } from "./pledge.inputs";

export const pledgeById = (ctx: Context) => scopedById(ctx, Pledge, "pledge", (p) => [p.unitId]);

export interface PledgeListArgs {
  year?: number;
  statuses?: PledgeStatus[];
}

function loaderFor(ctx: Context, column: "unitId" | "memberId" | "assignmentId", args: PledgeListArgs) {
  return listLoader(
    ctx.loaders,
    `pledgesBy:${column}`,
    args,
    async (keys) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const query = ctx.db
        .getRepository(Pledge)
        .createQueryBuilder("p")
        .where(`p.${column} IN (:...keys)`, { keys });
      whereInSubtree(query, "p.unitId", scope);
      if (args.year != null) query.andWhere("p.year = :year", { year: args.year });
      if (args.statuses?.length) query.andWhere("p.status IN (:...statuses)", { statuses: args.statuses });
      return query.orderBy("p.year").addOrderBy("p.id").getMany();
    },
    (row) => row[column],
  );
}

export const pledgesOfUnit = (ctx: Context, args: PledgeListArgs) => loaderFor(ctx, "unitId", args);
export const pledgesOfMember = (ctx: Context, args: PledgeListArgs) => loaderFor(ctx, "memberId", args);
export const pledgesOfAssignment = (ctx: Context, args: PledgeListArgs) =>
  loaderFor(ctx, "assignmentId", args);

export async function listPledges(
  ctx: Context,
  filter: PledgeFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Pledge>> {
  const query = whereVisible(ctx, ctx.db.getRepository(Pledge).createQueryBuilder("p"), "p.unitId");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "p.unitId", path);
  if (filter.member) query.andWhere("p.memberId = :member", { member: idOfType(filter.member, "Member") });
  if (filter.assignment)
    query.andWhere("p.assignmentId = :assignment", { assignment: idOfType(filter.assignment, "Assignment") });
  if (filter.year != null) query.andWhere("p.year = :year", { year: filter.year });
  if (filter.statuses?.length) query.andWhere("p.status IN (:...statuses)", { statuses: filter.statuses });
  if (filter.categories?.length)
    query.andWhere("p.category IN (:...categories)", { categories: filter.categories });
  if (filter.ntmCriterionNumber != null) {
    query.innerJoin(NtmCriterion, "c", "c.id = p.ntmCriterionId AND c.number = :criterion", {
      criterion: filter.ntmCriterionNumber,
    });
  }
  return paginate(query, page, [{ path: "p.id", direction: "ASC", value: (p) => p.id }]);
}
