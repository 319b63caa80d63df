import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { entityRows, placeholders } from "../../core/entity-rows";
import { loaderScope, scopedRowsById, whereVisible } from "../../core/scope";
import { joinInOrder, whereInSubtree } from "../../core/subtree";
import { NtmCriterion } from "../ntm/ntm-criterion.entity";
import { subtreeUpperBound } from "../org-units/org-unit.entity";
import { subtreePath } from "../org-units/org-unit.service";
import { Pledge } from "./pledge.entity";
import type { PledgeStatus } from "./pledge.enums";
import type { PledgeFilter } from "./pledge.inputs";

/** A pledge and the scope check of its unit in one statement (node(id) of a pledge: the viewer, then this). */
export const pledgeById = (ctx: Context) => scopedRowsById(ctx, Pledge, "pledge", "unit_id");

export interface PledgeListArgs {
  year?: number;
  statuses?: PledgeStatus[];
}

const KEY_COLUMNS = { unitId: "unit_id", memberId: "member_id", assignmentId: "assignment_id" } as const;

/** Pledges by unit, member or assignment, in the caller's subtree, in hand-written SQL (see entity-rows.ts). */
function loaderFor(ctx: Context, column: "unitId" | "memberId" | "assignmentId", args: PledgeListArgs) {
  return listLoader(
    ctx.loaders,
    `pledgesBy:${column}`,
    args,
    async (keys) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const rows = entityRows(ctx.db, Pledge);
      const params: unknown[] = [...keys, scope, subtreeUpperBound(scope)];
      let sql = `SELECT ${rows.columns("p")} FROM pledge p ${joinInOrder(ctx.db)} org_unit s ON s.id = p.unit_id
        WHERE p.${KEY_COLUMNS[column]} IN (${placeholders(keys)}) AND s.path >= ? AND s.path < ?`;
      if (args.year != null) {
        sql += " AND p.year = ?";
        params.push(args.year);
      }
      if (args.statuses?.length) {
        sql += ` AND p.status IN (${placeholders(args.statuses)})`;
        params.push(...args.statuses);
      }
      const found = (await ctx.db.query(`${sql} ORDER BY p.year, p.id`, params)) as Record<string, unknown>[];
      return found.map((row) => rows.hydrate(row));
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
