import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { MemberConnection } from "../../core/connections";
import { PageArgs, toConnection } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { Assignment, AssignmentScope } from "../assignments/assignment.entity";
import { assignmentsOfMember } from "../assignments/assignment.service";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { Pledge } from "../pledges/pledge.entity";
import { PledgeStatus } from "../pledges/pledge.enums";
import { pledgesOfMember } from "../pledges/pledge.service";
import { Evaluation } from "../evaluations/evaluation.entity";
import { evaluationsOfMember, seesPersonalOf } from "../evaluations/evaluation.service";
import { Member } from "./member.entity";
import { MemberFilter } from "./member.inputs";
import { listMembers, positionsOfMember } from "./member.service";
import { Position } from "./position.entity";
import { Term } from "./term.entity";
import { termById, memberById } from "./member.service";

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => MemberConnection, {
    description: "Members matching a filter, in Vietnamese name order, a page at a time.",
  })
  async members(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg("filter", () => MemberFilter, { nullable: true, description: "Conditions on the members." })
    filter?: MemberFilter,
  ) {
    return toConnection(MemberConnection, await listMembers(ctx, filter, page));
  }

  @Query(() => [Term], { description: "All committee terms, oldest first." })
  terms(@Ctx() ctx: Context) {
    return ctx.db.getRepository(Term).find({ order: { startYear: "ASC" } });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Phone number. Personal: null unless you are the member, or ADMIN/COMMITTEE over their home unit.",
  })
  async phone(@Root() member: Member, @Ctx() ctx: Context) {
    return (await seesPersonalOf(ctx, member.id)) ? member.phone : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "Birth date. Personal: null unless you are the member, or ADMIN/COMMITTEE over their home unit.",
  })
  async birthDate(@Root() member: Member, @Ctx() ctx: Context) {
    return (await seesPersonalOf(ctx, member.id)) ? member.birthDate : null;
  }

  @FieldResolver(() => [Evaluation], {
    description:
      "Annual evaluations, latest first. Personal: empty unless you are the member, or ADMIN/COMMITTEE over their home unit.",
  })
  async evaluations(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number,
  ) {
    return (await seesPersonalOf(ctx, member.id)) ? evaluationsOfMember(ctx, year).load(member.id) : [];
  }

  @FieldResolver(() => OrgUnit, { description: "The unit the member belongs to (works in)." })
  homeUnit(@Root() member: Member, @Ctx() ctx: Context) {
    return unitById(ctx).load(member.homeUnitId);
  }

  @FieldResolver(() => [Position], { description: "Positions the member holds or held, latest first." })
  positions(@Root() member: Member, @Ctx() ctx: Context) {
    return positionsOfMember(ctx).load(member.id);
  }

  @FieldResolver(() => [Assignment], { description: "Units the member is assigned to direct." })
  assignments(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, {
      nullable: true,
      description: "Only assignments running at some time in this year.",
    })
    year?: number,
    @Arg("activeOn", () => DateScalar, {
      nullable: true,
      description: "Only assignments running on this day.",
    })
    activeOn?: Date,
    @Arg("scopes", () => [AssignmentScope], { nullable: true, description: "Only these scopes." })
    scopes?: AssignmentScope[],
  ) {
    return assignmentsOfMember(ctx, { year, activeOn, scopes }).load(member.id);
  }

  @FieldResolver(() => [Pledge], { description: "The member's pledges, oldest year first." })
  pledges(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { nullable: true, description: "Only this year." }) year?: number,
    @Arg("statuses", () => [PledgeStatus], { nullable: true, description: "Only these statuses." })
    statuses?: PledgeStatus[],
  ) {
    return pledgesOfMember(ctx, { year, statuses }).load(member.id);
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Member, { description: "Who holds the position." })
  member(@Root() position: Position, @Ctx() ctx: Context) {
    return memberById(ctx).load(position.memberId);
  }

  @FieldResolver(() => OrgUnit, { description: "The unit the position is in." })
  unit(@Root() position: Position, @Ctx() ctx: Context) {
    return unitById(ctx).load(position.unitId);
  }

  @FieldResolver(() => Term, { nullable: true, description: "The term the position belongs to, if any." })
  term(@Root() position: Position, @Ctx() ctx: Context) {
    return position.termId == null ? null : termById(ctx).load(position.termId);
  }
}
