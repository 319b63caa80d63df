import { Field, ID, InputType } from "type-graphql";
import { fromGlobalId } from "../../core/global-id";
import { In } from "typeorm";
import { covers, scopePath } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { paginate, type Page } from "../../core/pagination";
import { DateTimeScalar } from "../../core/scalars";
import { subtreeUpperBound } from "../org-units/org-unit.entity";
import { UnitRef } from "../../core/subtree";
import { subtreePath } from "../org-units/org-unit.service";
import { Event } from "./event.entity";
import { EventOrder } from "./event-order";

export const eventById = (ctx: Context) =>
  ctx.loaders.get<number, Event | null>("eventByIdScoped", async (ids) => {
    if (!ctx.viewer) return ids.map(() => null);
    const rows = await ctx.db.getRepository(Event).findBy({ id: In([...ids]) });
    const byId = new Map(
      rows.filter((e) => e.unitPath != null && covers(ctx.viewer, e.unitPath)).map((e) => [e.id, e]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  });

@InputType("EventFilter", { description: "Which events to list; all conditions must hold." })
export class EventFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only changes to things that belong to units in this subtree (the unit included).",
  })
  under?: UnitRef;

  @Field(() => [String], { nullable: true, description: "Only changes to these types, e.g. `Pledge`." })
  entityTypes?: string[];

  @Field(() => ID, {
    nullable: true,
    description: "Only changes to this object (its global ID): its history.",
  })
  entity?: string;

  @Field(() => [String], { nullable: true, description: "Only these actions, e.g. `PLEDGE_CONFIRMED`." })
  actions?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: "Only changes at or after this instant." })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "Only changes before this instant." })
  to?: Date;
}

/**
 * Events in id order (the order they were committed), oldest or newest first. Either way it is one keyset on
 * the id: a cursor is the id of an item, and `after` continues in the chosen direction (older events when newest
 * come first), so pages stay stable while new events are written.
 */
export async function listEvents(
  ctx: Context,
  filter: EventFilter = {},
  page: { first?: number; after?: string },
  order: EventOrder = EventOrder.OLDEST_FIRST,
): Promise<Page<Event>> {
  const scope = scopePath(ctx);
  const query = ctx.db
    .getRepository(Event)
    .createQueryBuilder("e")
    .where("e.unitPath >= :scopeLo AND e.unitPath < :scopeHi", {
      scopeLo: scope,
      scopeHi: subtreeUpperBound(scope),
    });
  const path = await subtreePath(ctx, filter.under);
  if (path)
    query.andWhere("e.unitPath >= :lo AND e.unitPath < :hi", { lo: path, hi: subtreeUpperBound(path) });
  if (filter.entityTypes?.length)
    query.andWhere("e.entityType IN (:...types)", { types: filter.entityTypes });
  if (filter.entity) {
    const { type, id } = fromGlobalId(filter.entity);
    query.andWhere("e.entityType = :entityType AND e.entityId = :entityId", {
      entityType: type,
      entityId: id,
    });
  }
  if (filter.actions?.length) query.andWhere("e.action IN (:...actions)", { actions: filter.actions });
  if (filter.from) query.andWhere("e.occurredAt >= :from", { from: filter.from });
  if (filter.to) query.andWhere("e.occurredAt < :to", { to: filter.to });
  const direction = order === EventOrder.NEWEST_FIRST ? "DESC" : "ASC";
  return paginate(query, page, [{ path: "e.id", direction, value: (e) => e.id }]);
}
