import { covers, requireRole } from "../../core/auth/viewer";
import { text, day } from "../../core/input";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { runMutation, snapshot } from "../../core/mutation";
import { memberById } from "../members/member.service";
import { OrgUnit, subtreeUpperBound } from "../org-units/org-unit.entity";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { Delegation } from "./delegation.entity";
import type { RecordDelegationInput } from "./delegation.mutation-inputs";

/**
 * Working delegations (đoàn công tác, DESIGN.md §3). Units are public reference data, so a unit outside the
 * caller's subtree is refused with FORBIDDEN; delegations, concerns and members are scoped rows, so one the
 * caller cannot see is NOT_FOUND, whether or not it exists.
 */

export const MAX_MEMBERS = 30;

/** True when `unit` lies strictly below `ancestor`. */
export const isBelow = (unit: OrgUnit, ancestor: OrgUnit) =>
  unit.path > ancestor.path && unit.path < subtreeUpperBound(ancestor.path);

export function outsideSubtree(unit: OrgUnit, what: string): ApiError {
  return new ApiError(
    ErrorCode.FORBIDDEN,
    `${unit.name} (${unit.code}) is outside your unit: you cannot ${what}.`,
    { unitCode: unit.code },
  );
}

export function recordDelegation(
  ctx: Context,
  input: RecordDelegationInput,
  idempotencyKey?: string | null,
): Promise<Delegation> {
  return runMutation(
    ctx,
    { name: "recordDelegation", entity: Delegation, entityType: "Delegation", input, idempotencyKey },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const leading = await resolveUnitRef(ctx, input.leadingUnit);
      if (!covers(scope.viewer, leading.path)) throw outsideSubtree(leading, "record its delegations");
      const visited = await resolveUnitRef(ctx, input.visitedUnit);
      // A delegation goes down the tree: a unit does not send a working delegation to itself.
      if (!isBelow(visited, leading))
        throw badInput(
          `${visited.name} (${visited.code}) does not lie below ${leading.name} (${leading.code}).`,
          {
            field: "visitedUnit",
          },
        );
      const visitedOn = day(input.visitedOn, "visitedOn");
      const title = text(input.title, "title", 300, true)!;
      const note = text(input.note, "note", 5000, false);

      const memberIds = [...new Set(input.members.map((id) => idOfType(id, "Member")))];
      if (memberIds.length === 0 || memberIds.length > MAX_MEMBERS)
        throw badInput(`A delegation has 1 to ${MAX_MEMBERS} members.`, { field: "members" });
      const members = await memberById(ctx).loadMany(memberIds);
      members.forEach((member, i) => {
        if (member == null || member instanceof Error)
          throw notFound(
            "Member",
            input.members.find((id) => idOfType(id, "Member") === memberIds[i]),
          );
      });

      const repository = scope.manager.getRepository(Delegation);
      const delegation = await repository.save(
        repository.create({
          leadingUnitId: leading.id,
          visitedUnitId: visited.id,
          visitedOn,
          title,
          note,
        }),
      );
      await scope.manager
        .createQueryBuilder()
        .relation(Delegation, "members")
        .of(delegation.id)
        .add(memberIds);
      await scope.record({
        action: "DELEGATION_RECORDED",
        entityType: "Delegation",
        entityId: delegation.id,
        unit: visited,
        before: null,
        after: { ...snapshot(delegation), memberIds },
      });
      return delegation;
    },
  );
}
