import { In } from "typeorm";
import { scopePath } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { entityRows, placeholders } from "../../core/entity-rows";
import { loaderScope, memberVisibleSql, pathRange } from "../../core/scope";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { yearPeriod } from "../../core/period";
import { whereInSubtree } from "../../core/subtree";
import { whereSearchMatches } from "../../core/search";
import { Assignment } from "../assignments/assignment.entity";
import { OrgUnit, subtreeUpperBound } from "../org-units/org-unit.entity";
import { subtreePath, unitById } from "../org-units/org-unit.service";
import { Member } from "./member.entity";
import type { MemberFilter } from "./member.inputs";
import { Position } from "./position.entity";
import { Term } from "./term.entity";

/**
 * Members visible to the caller: home unit in the caller's subtree, or directing a unit in it. Hand-written SQL
 * (see entity-rows.ts): the home unit is joined, so that the assignments are only searched for members whose home
 * unit lies outside the subtree (never for a caller whose subtree holds every unit).
 */
export const memberById = (ctx: Context) =>
  ctx.loaders.get<number, Member | null>("memberByIdScoped", async (ids) => {
    const path = loaderScope(ctx);
    if (!path) return ids.map(() => null);
    const upper = subtreeUpperBound(path);
    const rows = entityRows(ctx.db, Member);
    const found = (await ctx.db.query(
      `SELECT ${rows.columns("m")} FROM member m JOIN org_unit h ON h.id = m.home_unit_id
       WHERE m.id IN (${placeholders(ids)}) AND ((h.path >= ? AND h.path < ?)
         OR EXISTS (SELECT 1 FROM assignment a JOIN org_unit u ON u.id = a.unit_id
           WHERE a.member_id = m.id AND u.path >= ? AND u.path < ?))`,
      [...ids, path, upper, path, upper],
    )) as Record<string, unknown>[];
    const byId = new Map<number, Member>();
    for (const row of found) {
      const member = rows.hydrate(row);
      byId.set(member.id, member);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
export const termById = (ctx: Context) => ctx.loaders.rowsById(Term, "term");
export const positionById = (ctx: Context) =>
  ctx.loaders.get<number, Position | null>("positionByIdScoped", async (ids) => {
    const rows = await ctx.db.getRepository(Position).findBy({ id: In([...ids]) });
    const members = await memberById(ctx).loadMany(rows.map((p) => p.memberId));
    const visible = new Set(members.filter((m): m is Member => m instanceof Member).map((m) => m.id));
    const byId = new Map(rows.filter((p) => visible.has(p.memberId)).map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });

/**
 * Positions by member, latest first. The same statement reads each position's unit and term and hands them to
 * `unitById` and `termById` for the rest of the request (neither type is scoped).
 */
export const positionsOfMember = (ctx: Context) =>
  listLoader(
    ctx.loaders,
    "positionsOfMember",
    null,
    async (ids) => {
      const rows = entityRows(ctx.db, Position);
      const units = entityRows(ctx.db, OrgUnit);
      const terms = entityRows(ctx.db, Term);
      const found = (await ctx.db.query(
        `SELECT ${rows.columns("p")}, ${units.columns("u", "u__")}, ${terms.columns("t", "t__")}
         FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN term t ON t.id = p.term_id
         WHERE p.member_id IN (${placeholders(ids)}) ORDER BY p.starts_on DESC, p.id`,
        [...ids],
      )) as Record<string, unknown>[];
      const unitLoader = unitById(ctx);
      const termLoader = termById(ctx);
      const primed = new Set<string>();
      return found.map((row) => {
        const position = rows.hydrate(row);
        if (!primed.has(`u${position.unitId}`)) {
          primed.add(`u${position.unitId}`);
          unitLoader.prime(position.unitId, units.hydrate(row, "u__"));
        }
        if (position.termId != null && !primed.has(`t${position.termId}`)) {
          primed.add(`t${position.termId}`);
          termLoader.prime(position.termId, terms.hydrate(row, "t__"));
        }
        return position;
      });
    },
    (p) => p.memberId,
  );

export async function listMembers(
  ctx: Context,
  filter: MemberFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Member>> {
  const query = ctx.db
    .getRepository(Member)
    .createQueryBuilder("m")
    .where(memberVisibleSql("m", "mv"), pathRange(scopePath(ctx), "mv"));
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "m.homeUnitId", path);
  if (filter.search != null) whereSearchMatches(query, "m.searchName", filter.search);
  if (filter.directing != null) {
    const period = yearPeriod(filter.directingInYear ?? new Date().getUTCFullYear());
    const sub = ctx.db
      .getRepository(Assignment)
      .createQueryBuilder("da")
      .select("1")
      .where("da.memberId = m.id AND da.startsOn <= :dTo AND (da.endsOn IS NULL OR da.endsOn >= :dFrom)");
    query.andWhere(`${filter.directing ? "" : "NOT "}EXISTS (${sub.getQuery()})`, {
      dFrom: period.from,
      dTo: period.to,
    });
  }
  return paginate(query, page, [
    { path: "m.sortKey", direction: "ASC", value: (m) => m.sortKey },
    { path: "m.id", direction: "ASC", value: (m) => m.id },
  ]);
}
