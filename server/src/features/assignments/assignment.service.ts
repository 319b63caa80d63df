import type { SelectQueryBuilder } from "typeorm";
import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { periodOf, type Period } from "../../core/period";
import { loaderScope, scopedById, whereVisible } from "../../core/scope";
import { whereInSubtree } from "../../core/subtree";
import { subtreePath } from "../org-units/org-unit.service";
import { Assignment, type AssignmentScope } from "./assignment.entity";
import type { AssignmentFilter } from "./assignment.inputs";

export const assignmentById = (ctx: Context) => scopedById(ctx, Assignment, "assignment", (a) => [a.unitId]);

/** Assignments that run at some time in the period. */
export function whereActive<T extends object>(
  query: SelectQueryBuilder<T & Assignment>,
  alias: string,
  period: Period | null,
) {
  if (period) {
    query.andWhere(
      `${alias}.startsOn <= :periodTo AND (${alias}.endsOn IS NULL OR ${alias}.endsOn >= :periodFrom)`,
      {
        periodFrom: period.from,
        periodTo: period.to,
      },
    );
  }
  return query;
}

export interface AssignmentListArgs {
  year?: number;
  activeOn?: Date;
  scopes?: AssignmentScope[];
}

function loaderFor(ctx: Context, column: "unitId" | "memberId" | "directiveId", args: AssignmentListArgs) {
  const period = periodOf(args);
  return listLoader(
    ctx.loaders,
    `assignmentsBy:${column}`,
    { period, scopes: args.scopes },
    async (keys) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const query = ctx.db
        .getRepository(Assignment)
        .createQueryBuilder("a")
        .where(`a.${column} IN (:...keys)`, { keys });
      whereInSubtree(query, "a.unitId", scope);
      whereActive(query, "a", period);
      if (args.scopes?.length) query.andWhere("a.scope IN (:...scopes)", { scopes: args.scopes });
      return query.orderBy("a.startsOn").addOrderBy("a.id").getMany();
    },
    (row) => row[column],
  );
}

export const assignmentsOfUnit = (ctx: Context, args: AssignmentListArgs) => loaderFor(ctx, "unitId", args);
export const assignmentsOfMember = (ctx: Context, args: AssignmentListArgs) =>
  loaderFor(ctx, "memberId", args);
export const assignmentsOfDirective = (ctx: Context, args: AssignmentListArgs) =>
  loaderFor(ctx, "directiveId", args);

export async function listAssignments(
  ctx: Context,
  filter: AssignmentFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Assignment>> {
  const query = whereVisible(ctx, ctx.db.getRepository(Assignment).createQueryBuilder("a"), "a.unitId");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "a.unitId", path);
  if (filter.member) query.andWhere("a.memberId = :member", { member: idOfType(filter.member, "Member") });
  if (filter.directive)
    query.andWhere("a.directiveId = :directive", { directive: idOfType(filter.directive, "Directive") });
  if (filter.term) query.andWhere("a.termId = :term", { term: idOfType(filter.term, "Term") });
  if (filter.scopes?.length) query.andWhere("a.scope IN (:...scopes)", { scopes: filter.scopes });
  whereActive(query, "a", periodOf(filter));
  return paginate(query, page, [{ path: "a.id", direction: "ASC", value: (a) => a.id }]);
}
