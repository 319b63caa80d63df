import type { Context } from "../../core/context";
import { covers, hasRole } from "../../core/auth/viewer";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { runMutation, snapshot } from "../../core/mutation";
import { toDateString } from "../../core/scalars";
import { Assignment } from "../assignments/assignment.entity";
import { countVisit } from "../counters/counters.apply";
import { OrgUnit } from "../org-units/org-unit.entity";
import { Role } from "../users/user.entity";
import { Visit } from "./visit.entity";
import type { RecordVisitInput } from "./visit.mutation-inputs";

/** A directing member records a visit to the unit they direct (về cơ sở, dự sinh hoạt chi bộ). */
export function recordVisit(
  ctx: Context,
  input: RecordVisitInput,
  idempotencyKey?: string | null,
): Promise<Visit> {
  return runMutation(
    ctx,
    { name: "recordVisit", entity: Visit, entityType: "Visit", input, idempotencyKey },
    async (scope) => {
      const assignment = await scope.manager
        .getRepository(Assignment)
        .findOneBy({ id: idOfType(input.assignment, "Assignment") });
      if (!assignment) throw notFound("Assignment", input.assignment);
      const unit = await scope.manager.getRepository(OrgUnit).findOneByOrFail({ id: assignment.unitId });
      if (!covers(scope.viewer, unit.path)) throw notFound("Assignment", input.assignment);
      if (!hasRole(scope.viewer, Role.MEMBER) || scope.viewer.memberId !== assignment.memberId) {
        throw new ApiError(
          ErrorCode.NOT_ASSIGNED_MEMBER,
          "Only the member assigned to the unit records their visits to it.",
        );
      }
      const visitedOn = toDateString(input.visitedOn);
      const today = new Date().toISOString().slice(0, 10);
      if (
        visitedOn > today ||
        visitedOn < assignment.startsOn ||
        (assignment.endsOn != null && visitedOn > assignment.endsOn)
      ) {
        throw new ApiError(
          ErrorCode.VISIT_OUT_OF_RANGE,
          "The visit's day must fall within the assignment and not in the future.",
          {
            visitedOn,
            startsOn: assignment.startsOn,
            endsOn: assignment.endsOn,
          },
        );
      }
      const note = input.note?.trim() ?? "";
      if (note.length > 2000) throw badInput("note must be at most 2000 characters.", { field: "note" });
      await countVisit(scope.manager, unit, assignment, visitedOn);
      const repository = scope.manager.getRepository(Visit);
      const visit = await repository.save(
        repository.create({
          assignmentId: assignment.id,
          unitId: assignment.unitId,
          memberId: assignment.memberId,
          visitedOn,
          kind: input.kind,
          note: note === "" ? null : note,
        }),
      );
      await scope.record({
        action: "VISIT_RECORDED",
        entityType: "Visit",
        entityId: visit.id,
        unit,
        before: null,
        after: snapshot(visit),
      });
      return visit;
    },
  );
}
