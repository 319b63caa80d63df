import type { SelectQueryBuilder } from "typeorm";
import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { periodOf, type Period } from "../../core/period";
import { entityRows, placeholders } from "../../core/entity-rows";
import { loaderScope, scopedRowsById, whereVisible } from "../../core/scope";
import { joinInOrder, whereInSubtree } from "../../core/subtree";
import { subtreeUpperBound } from "../org-units/org-unit.entity";
import { subtreePath } from "../org-units/org-unit.service";
import { Assignment, type AssignmentScope } from "./assignment.entity";
import type { AssignmentFilter } from "./assignment.inputs";

export const assignmentById = (ctx: Context) => scopedRowsById(ctx, Assignment, "assignment", "unit_id");

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

const KEY_COLUMNS = { unitId: "unit_id", memberId: "member_id", directiveId: "directive_id" } as const;

/** Assignments by unit, member or directive, in the caller's subtree, in hand-written SQL (see entity-rows.ts). */
function loaderFor(ctx: Context, column: "unitId" | "memberId" | "directiveId", args: AssignmentListArgs) {
  const period = periodOf(args);
  return listLoader(
    ctx.loaders,
    `assignmentsBy:${column}`,
    { period, scopes: args.scopes },
    async (keys) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const rows = entityRows(ctx.db, Assignment);
      const params: unknown[] = [...keys, scope, subtreeUpperBound(scope)];
      let sql = `SELECT ${rows.columns("a")} FROM assignment a ${joinInOrder(ctx.db)} org_unit s ON s.id = a.unit_id
        WHERE a.${KEY_COLUMNS[column]} IN (${placeholders(keys)}) AND s.path >= ? AND s.path < ?`;
      if (period) {
        sql += " AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)";
        params.push(period.to, period.from);
      }
      if (args.scopes?.length) {
        sql += ` AND a.scope IN (${placeholders(args.scopes)})`;
        params.push(...args.scopes);
      }
      const found = (await ctx.db.query(`${sql} ORDER BY a.starts_on, a.id`, params)) as Record<
        string,
        unknown
      >[];
      return found.map((row) => rows.hydrate(row));
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
