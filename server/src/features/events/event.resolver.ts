import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { EventConnection } from "../../core/connections";
import { toGlobalId } from "../../core/global-id";
import { PageArgs, toConnection } from "../../core/pagination";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Event } from "./event.entity";
import { EventOrder } from "./event-order";
import { EventFilter, listEvents } from "./event.service";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, {
    description:
      "The event log (audit trail) within your scope, a page at a time: oldest first, or newest first with `order: NEWEST_FIRST`.",
  })
  async events(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => EventFilter, { nullable: true, description: "Conditions on the events." })
    filter?: EventFilter,
    @Arg("order", () => EventOrder, {
      nullable: true,
      defaultValue: EventOrder.OLDEST_FIRST,
      description:
        "Which end to start from; `after` continues in the same direction (older events when newest come first).",
    })
    order?: EventOrder,
  ) {
    return toConnection(EventConnection, await listEvents(ctx, filter, page, order ?? undefined));
  }

  @FieldResolver(() => ID, { description: "Global ID of the changed object (it may no longer exist)." })
  entityId(@Root() e: Event): string {
    return toGlobalId(e.entityType, e.entityId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: "The unit the change belongs to." })
  unit(@Root() e: Event, @Ctx() ctx: Context) {
    return e.unitId == null ? null : unitById(ctx).load(e.unitId);
  }
}
