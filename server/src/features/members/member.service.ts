import { In } from "typeorm";
import { scopePath } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { loaderScope, memberVisibleSql, pathRange } from "../../core/scope";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { yearPeriod } from "../../core/period";
import { whereInSubtree } from "../../core/subtree";
import { whereSearchMatches } from "../../core/search";
import { Assignment } from "../assignments/assignment.entity";
import { subtreePath } from "../org-units/org-unit.service";
import { Member } from "./member.entity";
import type { MemberFilter } from "./member.inputs";
import { Position } from "./position.entity";
import { Term } from "./term.entity";

/** Members visible to the caller: home unit in the caller's subtree, or directing a unit in it. */
export const memberById = (ctx: Context) =>
  ctx.loaders.get<number, Member | null>("memberByIdScoped", async (ids) => {
    const path = loaderScope(ctx);
    if (!path) return ids.map(() => null);
    const rows = await ctx.db
      .getRepository(Member)
      .createQueryBuilder("m")
      .where("m.id IN (:...ids)", { ids })
      .andWhere(memberVisibleSql("m", "mv"), pathRange(path, "mv"))
      .getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
export const termById = (ctx: Context) => ctx.loaders.byId(Term, "term");
export const positionById = (ctx: Context) =>
  ctx.loaders.get<number, Position | null>("positionByIdScoped", async (ids) => {
    const rows = await ctx.db.getRepository(Position).findBy({ id: In([...ids]) });
    const members = await memberById(ctx).loadMany(rows.map((p) => p.memberId));
    const visible = new Set(members.filter((m): m is Member => m instanceof Member).map((m) => m.id));
    const byId = new Map(rows.filter((p) => visible.has(p.memberId)).map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });

export const positionsOfMember = (ctx: Context) =>
  listLoader(
    ctx.loaders,
    "positionsOfMember",
    null,
    (ids) =>
      ctx.db
        .getRepository(Position)
        .createQueryBuilder("p")
        .where("p.memberId IN (:...ids)", { ids })
        .orderBy("p.startsOn", "DESC")
        .addOrderBy("p.id")
        .getMany(),
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
