import { Field, InputType } from "type-graphql";
import { scopePath } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { loaderScope, pathRange, scopedById } from "../../core/scope";
import { groupRows, listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { DateScalar, toDateString } from "../../core/scalars";
import { whereInSubtree, UnitRef } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
import { resolveUnitRef, subtreePath } from "../org-units/org-unit.service";
import { Concern, ConcernStatus } from "./concern.entity";
import { Delegation } from "./delegation.entity";

export const delegationById = (ctx: Context) =>
  scopedById(ctx, Delegation, "delegation", (d) => [d.visitedUnitId, d.leadingUnitId]);
export const concernById = (ctx: Context) =>
  scopedById(ctx, Concern, "concern", (c) => [c.raisedByUnitId, c.handlerUnitId]);

/** Concerns the caller may see: raised by, or handled by, a unit in the caller's subtree. */
export function concernVisible(alias: string, path: string) {
  return {
    sql: `(EXISTS (SELECT 1 FROM org_unit cv_r WHERE cv_r.id = ${alias}.raised_by_unit_id AND cv_r.path >= :cv_lo AND cv_r.path < :cv_hi)
      OR EXISTS (SELECT 1 FROM org_unit cv_h WHERE cv_h.id = ${alias}.handler_unit_id AND cv_h.path >= :cv_lo AND cv_h.path < :cv_hi))`,
    params: pathRange(path, "cv"),
  };
}

export const membersOfDelegation = (ctx: Context) =>
  ctx.loaders.get<number, Member[]>("membersOfDelegation", async (ids) => {
    const links: { delegation_id: number | string; member_id: number | string }[] = await ctx.db
      .createQueryBuilder()
      .select(["dm.delegation_id AS delegation_id", "dm.member_id AS member_id"])
      .from("delegation_member", "dm")
      .where("dm.delegation_id IN (:...ids)", { ids })
      .getRawMany();
    const members = await memberById(ctx).loadMany([...new Set(links.map((l) => Number(l.member_id)))]);
    const byId = new Map(members.filter((m): m is Member => m instanceof Member).map((m) => [m.id, m]));
    return groupRows(ids, links, (l) => Number(l.delegation_id)).map((group) =>
      group.map((l) => byId.get(Number(l.member_id))).filter((m): m is Member => m !== undefined),
    );
  });

export const concernsOf = (
  ctx: Context,
  column: "raisedByUnitId" | "handlerUnitId" | "delegationId",
  statuses?: ConcernStatus[],
) =>
  listLoader(
    ctx.loaders,
    `concernsBy:${column}`,
    statuses,
    async (ids) => {
      const scope = loaderScope(ctx);
      if (!scope) return [];
      const visible = concernVisible("c", scope);
      const q = ctx.db
        .getRepository(Concern)
        .createQueryBuilder("c")
        .where(`c.${column} IN (:...ids)`, { ids })
        .andWhere(visible.sql, visible.params);
      if (statuses?.length) q.andWhere("c.status IN (:...statuses)", { statuses });
      return q.orderBy("c.raisedOn").addOrderBy("c.id").getMany();
    },
    (c) => c[column]!,
  );

@InputType("DelegationFilter", { description: "Which delegations to list; all conditions must hold." })
export class DelegationFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only delegations that visited units in this subtree (the unit included).",
  })
  visitedUnder?: UnitRef;

  @Field(() => UnitRef, { nullable: true, description: "Only delegations led by this unit." })
  leadingUnit?: UnitRef;

  @Field(() => DateScalar, { nullable: true, description: "Only sessions on or after this day." })
  from?: Date;

  @Field(() => DateScalar, { nullable: true, description: "Only sessions on or before this day." })
  to?: Date;
}

@InputType("ConcernFilter", { description: "Which concerns to list; all conditions must hold." })
export class ConcernFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only concerns raised by units in this subtree (the unit included).",
  })
  raisedUnder?: UnitRef;

  @Field(() => UnitRef, {
    nullable: true,
    description: "Only concerns handled by units in this subtree (the unit included).",
  })
  handledUnder?: UnitRef;

  @Field(() => [ConcernStatus], { nullable: true, description: "Only these statuses." })
  statuses?: ConcernStatus[];

  @Field(() => DateScalar, { nullable: true, description: "Only concerns raised on or after this day." })
  raisedFrom?: Date;

  @Field(() => DateScalar, { nullable: true, description: "Only concerns raised on or before this day." })
  raisedTo?: Date;
}

export async function listDelegations(
  ctx: Context,
  filter: DelegationFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Delegation>> {
  const scope = scopePath(ctx);
  const query = ctx.db
    .getRepository(Delegation)
    .createQueryBuilder("d")
    .where(
      `(EXISTS (SELECT 1 FROM org_unit dv_v WHERE dv_v.id = d.visited_unit_id AND dv_v.path >= :dv_lo AND dv_v.path < :dv_hi)
        OR EXISTS (SELECT 1 FROM org_unit dv_l WHERE dv_l.id = d.leading_unit_id AND dv_l.path >= :dv_lo AND dv_l.path < :dv_hi))`,
      pathRange(scope, "dv"),
    );
  const path = await subtreePath(ctx, filter.visitedUnder);
  if (path) whereInSubtree(query, "d.visitedUnitId", path);
  if (filter.leadingUnit)
    query.andWhere("d.leadingUnitId = :lead", { lead: (await resolveUnitRef(ctx, filter.leadingUnit)).id });
  if (filter.from) query.andWhere("d.visitedOn >= :from", { from: toDateString(filter.from) });
  if (filter.to) query.andWhere("d.visitedOn <= :to", { to: toDateString(filter.to) });
  return paginate(query, page, [
    { path: "d.visitedOn", direction: "DESC", value: (d) => d.visitedOn },
    { path: "d.id", direction: "DESC", value: (d) => d.id },
  ]);
}

export async function listConcerns(
  ctx: Context,
  filter: ConcernFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Concern>> {
  const visible = concernVisible("c", scopePath(ctx));
  const query = ctx.db.getRepository(Concern).createQueryBuilder("c").where(visible.sql, visible.params);
  const raised = await subtreePath(ctx, filter.raisedUnder);
  if (raised) whereInSubtree(query, "c.raisedByUnitId", raised);
  const handled = await subtreePath(ctx, filter.handledUnder);
  if (handled) whereInSubtree(query, "c.handlerUnitId", handled);
  if (filter.statuses?.length) query.andWhere("c.status IN (:...statuses)", { statuses: filter.statuses });
  if (filter.raisedFrom) query.andWhere("c.raisedOn >= :rf", { rf: toDateString(filter.raisedFrom) });
  if (filter.raisedTo) query.andWhere("c.raisedOn <= :rt", { rt: toDateString(filter.raisedTo) });
  return paginate(query, page, [{ path: "c.id", direction: "ASC", value: (c) => c.id }]);
}
