import type { SelectQueryBuilder } from "typeorm";
import type { Context } from "../../core/context";
import { idOfType } from "../../core/global-id";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { periodOf, type Period } from "../../core/period";
import { entityRows, placeholders } from "../../core/entity-rows";
import { loaderScope, scopedRowsById, whereVisible } from "../../core/scope";
import { joinInOrder, whereInSubtree } from "../../core/subtree";
import { Directive } from "../directives/directive.entity";
import { directiveById } from "../directives/directive.service";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
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

/**
 * Assignments by unit, member or directive, in the caller's subtree, in hand-written SQL (see entity-rows.ts).
 * The same statement reads each assignment's member and directive and hands them to `memberById` and
 * `directiveById` for the rest of the request: pages of assignments nearly always show both. Scope stays as it
 * is: a member who directs a unit in the caller's subtree is visible to the caller (see `memberById`), and
 * directives are not scoped.
 */
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
      const members = entityRows(ctx.db, Member);
      const directives = entityRows(ctx.db, Directive);
      const params: unknown[] = [...keys, scope, subtreeUpperBound(scope)];
      let sql = `SELECT ${rows.columns("a")}, ${members.columns("m", "m__")}, ${directives.columns("d", "d__")}
        FROM assignment a ${joinInOrder(ctx.db)} org_unit s ON s.id = a.unit_id
        JOIN member m ON m.id = a.member_id JOIN directive d ON d.id = a.directive_id
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
      const memberLoader = memberById(ctx);
      const directiveLoader = directiveById(ctx);
      const primed = new Set<string>();
      return found.map((row) => {
        const assignment = rows.hydrate(row);
        if (!primed.has(`m${assignment.memberId}`)) {
          primed.add(`m${assignment.memberId}`);
          memberLoader.prime(assignment.memberId, members.hydrate(row, "m__"));
        }
        if (!primed.has(`d${assignment.directiveId}`)) {
          primed.add(`d${assignment.directiveId}`);
          directiveLoader.prime(assignment.directiveId, directives.hydrate(row, "d__"));
        }
        return assignment;
      });
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
