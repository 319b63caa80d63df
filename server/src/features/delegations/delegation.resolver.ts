import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { ConcernConnection, DelegationConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { Member } from "../members/member.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Concern } from "./concern.entity";
import { Delegation } from "./delegation.entity";
import {
  ConcernFilter,
  concernsOf,
  delegationById,
  DelegationFilter,
  listConcerns,
  listDelegations,
  membersOfDelegation,
} from "./delegation.service";

@Resolver(() => Delegation)
export class DelegationResolver {
  @Query(() => DelegationConnection, { description: "Working delegations matching a filter, latest first." })
  async delegations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => DelegationFilter, { nullable: true, description: "Conditions on the delegations." })
    filter?: DelegationFilter,
  ) {
    return toConnection(DelegationConnection, await listDelegations(ctx, filter, page));
  }

  @FieldResolver(() => OrgUnit, {
    description: "The unit that led the delegation, e.g. the city standing committee.",
  })
  leadingUnit(@Root() d: Delegation, @Ctx() ctx: Context) {
    return unitById(ctx).load(d.leadingUnitId);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit visited." })
  visitedUnit(@Root() d: Delegation, @Ctx() ctx: Context) {
    return unitById(ctx).load(d.visitedUnitId);
  }

  @FieldResolver(() => [Member], { description: "Members of the delegation." })
  members(@Root() d: Delegation, @Ctx() ctx: Context) {
    return membersOfDelegation(ctx).load(d.id);
  }

  @FieldResolver(() => [Concern], { description: "Concerns raised during the session." })
  concerns(@Root() d: Delegation, @Ctx() ctx: Context) {
    return concernsOf(ctx, "delegationId").load(d.id);
  }
}

@Resolver(() => Concern)
export class ConcernResolver {
  @Query(() => ConcernConnection, { description: "Concerns matching a filter, oldest first." })
  async concerns(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => ConcernFilter, { nullable: true, description: "Conditions on the concerns." })
    filter?: ConcernFilter,
  ) {
    return toConnection(ConcernConnection, await listConcerns(ctx, filter, page));
  }

  @FieldResolver(() => OrgUnit, { description: "The unit that raised it." })
  raisedBy(@Root() c: Concern, @Ctx() ctx: Context) {
    return unitById(ctx).load(c.raisedByUnitId);
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: "The unit handling it; null until one is assigned.",
  })
  handler(@Root() c: Concern, @Ctx() ctx: Context) {
    return c.handlerUnitId == null ? null : unitById(ctx).load(c.handlerUnitId);
  }

  @FieldResolver(() => Delegation, {
    nullable: true,
    description: "The delegation it was raised to, if any.",
  })
  delegation(@Root() c: Concern, @Ctx() ctx: Context) {
    return c.delegationId == null ? null : delegationById(ctx).load(c.delegationId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Days from raising to resolution; null while unresolved.",
  })
  daysToResolve(@Root() c: Concern): number | null {
    if (!c.resolvedAt) return null;
    const days = (new Date(c.resolvedAt).getTime() - Date.parse(`${c.raisedOn}T00:00:00Z`)) / 86_400_000;
    return Math.round(days * 10) / 10;
  }
}
