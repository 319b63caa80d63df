import { Arg, Field, ID, InputType, Int, ObjectType, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../core/context";
import type { Channel } from "../../core/live/channel";
import { UnitRef } from "../../core/subtree";
import { coveredUnitId } from "../summary/summary.resolver";
import { Dashboard } from "../dashboard/dashboard.types";
import { dashboardMonth } from "../dashboard/dashboard.compute";
import { Pledge } from "../pledges/pledge.entity";
import { resolveUnitRef, unitById } from "../org-units/org-unit.service";
import { monthPeriod, yearPeriod } from "../../core/period";
import { Event } from "./event.entity";
import { eventStream, mapChannel } from "./event.stream";

@InputType("EventStreamFilter", {
  description: "Which events a subscription receives; all conditions must hold.",
})
export class EventStreamFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only events of units in this subtree (cut to yours).",
  })
  under?: UnitRef;
  @Field(() => [String], { nullable: true, description: "Only changes to these types, e.g. `Pledge`." })
  entityTypes?: string[];
  @Field(() => [String], { nullable: true, description: "Only these actions, e.g. `PLEDGE_CONFIRMED`." })
  actions?: string[];
}

@ObjectType("PledgeEvent", {
  description: "A change to a pledge: the event and the pledge as it is after it.",
})
export class PledgeEvent {
  @Field(() => Event, { description: "The event (its `id` is the position to resume from)." })
  event: Event;
  @Field(() => Pledge, { description: "The pledge after the change." })
  pledge: Pledge;
}

const DATE_FIELDS = ["reportedAt", "decidedAt", "createdAt", "updatedAt"] as const;

/** The pledge as the event's after-state records it: no query per subscriber. */
function pledgeFrom(event: Event): Pledge | null {
  const after = event.after as Record<string, unknown> | null;
  if (!after) return null;
  const pledge = Object.assign(new Pledge(), after);
  for (const field of DATE_FIELDS) {
    const value = after[field];
    (pledge as unknown as Record<string, unknown>)[field] =
      typeof value === "string" ? new Date(value) : (value ?? null);
  }
  return pledge;
}

async function unitOrNull(ctx: Context, ref: UnitRef | undefined | null) {
  return ref ? resolveUnitRef(ctx, ref) : null;
}

const SINCE =
  "Resume after this event (the global `id` of the last event you received): first every later event, in order, then live ones.";

@Resolver()
export class LiveResolver {
  @Subscription(() => Event, {
    description:
      "Every change you may see, in order, deletions included, from the event log. With `since`, first replays what you missed, without gaps or duplicates.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const filter = args.filter as EventStreamFilter | undefined;
      return eventStream(ctx, args.since as string | undefined, {
        under: await unitOrNull(ctx, filter?.under),
        entityTypes: filter?.entityTypes,
        actions: filter?.actions,
      });
    },
  })
  events(
    @Root() event: Event,
    @Arg("since", () => ID, { nullable: true, description: SINCE }) _since?: string,
    @Arg("filter", () => EventStreamFilter, { nullable: true, description: "Which events." })
    _filter?: EventStreamFilter,
  ): Event {
    return event;
  }

  @Subscription(() => PledgeEvent, {
    description:
      "Pledges of a subtree and year as they change (registered, edited, reported, confirmed, rejected, withdrawn).",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const year = args.year as number;
      yearPeriod(year);
      const stream = eventStream(ctx, args.since as string | undefined, {
        under: await resolveUnitRef(ctx, args.unit as UnitRef),
        entityTypes: ["Pledge"],
      });
      return mapChannel(stream, (event) => {
        const pledge = pledgeFrom(event);
        return pledge && pledge.year === year ? { event, pledge } : null;
      });
    },
  })
  pledgeChanged(
    @Root() payload: PledgeEvent,
    @Arg("unit", () => UnitRef, { description: "The subtree." }) _unit: UnitRef,
    @Arg("year", () => Int, { description: "The pledges' year." }) _year: number,
    @Arg("since", () => ID, { nullable: true, description: SINCE }) _since?: string,
  ): PledgeEvent {
    return payload;
  }

  @Subscription(() => PledgeEvent, {
    description: "Confirmations of pledges in a subtree, as they land.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const stream = eventStream(ctx, args.since as string | undefined, {
        under: await resolveUnitRef(ctx, args.unit as UnitRef),
        actions: ["PLEDGE_CONFIRMED"],
      });
      return mapChannel(stream, (event) => {
        const pledge = pledgeFrom(event);
        return pledge ? { event, pledge } : null;
      });
    },
  })
  confirmationLanded(
    @Root() payload: PledgeEvent,
    @Arg("unit", () => UnitRef, { description: "The subtree." }) _unit: UnitRef,
    @Arg("since", () => ID, { nullable: true, description: SINCE }) _since?: string,
  ): PledgeEvent {
    return payload;
  }

  @Subscription(() => Event, {
    description: "NTM changes in a subtree: criterion assessments and recognition decisions.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      return eventStream(ctx, args.since as string | undefined, {
        under: await resolveUnitRef(ctx, args.unit as UnitRef),
        entityTypes: ["NtmCriterionStatus", "NtmRecognition"],
      });
    },
  })
  ntmChanged(
    @Root() event: Event,
    @Arg("unit", () => UnitRef, { description: "The subtree." }) _unit: UnitRef,
    @Arg("since", () => ID, { nullable: true, description: SINCE }) _since?: string,
  ): Event {
    return event;
  }

  @Subscription(() => Event, {
    description: "Concerns of a subtree as they are raised, assigned, taken up and resolved.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      return eventStream(ctx, args.since as string | undefined, {
        under: await resolveUnitRef(ctx, args.unit as UnitRef),
        entityTypes: ["Concern"],
      });
    },
  })
  concernChanged(
    @Root() event: Event,
    @Arg("unit", () => UnitRef, { description: "The subtree." }) _unit: UnitRef,
    @Arg("since", () => ID, { nullable: true, description: SINCE }) _since?: string,
  ): Event {
    return event;
  }

  @Subscription(() => Dashboard, {
    description:
      "The aggregate of a unit's subtree for a year (pledges by status, confirmation rate, visit compliance, NTM, open concerns): sent at once, then again after every burst of changes in the subtree. Figures cover the part of the subtree you may see.",
    subscribe: async ({ args, context }): Promise<Channel<Dashboard>> => {
      const ctx = context as Context;
      const unit = await resolveUnitRef(ctx, args.unit as UnitRef);
      const year = args.year as number;
      const month = (args.month as number | undefined) ?? dashboardMonth(year);
      monthPeriod(year, month);
      const rootId = coveredUnitId(ctx, unit);
      const root = rootId === unit.id ? unit : (await unitById(ctx).load(rootId))!;
      return ctx.live.hub.subscribe(root, year, month);
    },
  })
  dashboard(
    @Root() dashboard: Dashboard,
    @Arg("unit", () => UnitRef, { description: "The unit whose subtree is summed up." }) _unit: UnitRef,
    @Arg("year", () => Int, { description: "The year." }) _year: number,
    @Arg("month", () => Int, {
      nullable: true,
      description:
        "Month for visit compliance; the current month of the current year, December of past years.",
    })
    _month?: number,
  ): Dashboard {
    return dashboard;
  }
}
