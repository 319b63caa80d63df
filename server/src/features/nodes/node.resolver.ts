import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode } from "../../core/errors";
import { fromGlobalId } from "../../core/global-id";
import { Node } from "../../core/node";
import { assignmentById } from "../assignments/assignment.service";
import { concernById, delegationById } from "../delegations/delegation.service";
import { directiveById } from "../directives/directive.service";
import { evaluationById, unitEvaluationById } from "../evaluations/evaluation.service";
import { eventById } from "../events/event.service";
import { memberById, positionById, termById } from "../members/member.service";
import { criterionById, ntmStatusById, recognitionById } from "../ntm/ntm.service";
import { unitById } from "../org-units/org-unit.service";
import { pledgeById } from "../pledges/pledge.service";
import { visitById } from "../visits/visit.service";

/** Every Node type and the loader that fetches it by database id. */
const fetchers: Record<string, (ctx: Context) => { load(id: number): Promise<Node | null> }> = {
  OrgUnit: unitById,
  Member: memberById,
  Position: positionById,
  Term: termById,
  Directive: directiveById,
  Assignment: assignmentById,
  Pledge: pledgeById,
  Visit: visitById,
  Evaluation: evaluationById,
  UnitEvaluation: unitEvaluationById,
  NtmCriterion: criterionById,
  NtmCriterionStatus: ntmStatusById,
  NtmRecognition: recognitionById,
  Delegation: delegationById,
  Concern: concernById,
  Event: eventById,
};

async function fetchNode(ctx: Context, id: string): Promise<Node | null> {
  const { type, id: key } = fromGlobalId(id);
  const fetcher = fetchers[type];
  if (!fetcher) throw new ApiError(ErrorCode.INVALID_ID, `"${id}" is not a valid ID.`, { id });
  return fetcher(ctx).load(key);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "The object with this global ID; null when it no longer exists.",
  })
  node(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { description: "A global ID from any `id` field." }) id: string,
  ) {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: "items",
    description: "Several objects by global ID, in order; null where one no longer exists.",
  })
  nodes(
    @Ctx() ctx: Context,
    @Arg("ids", () => [ID], { description: `Global IDs, at most 100.` }) ids: string[],
  ) {
    if (ids.length > 100)
      throw new ApiError(ErrorCode.PAGE_SIZE_EXCEEDED, "At most 100 IDs at once.", { max: 100 });
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}
