import type { Context } from "../../core/context";
import { text } from "../../core/input";
import { covers, hasRole } from "../../core/auth/viewer";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { runMutation, snapshot, type MutationScope } from "../../core/mutation";
import { toDateString } from "../../core/scalars";
import { Assignment } from "../assignments/assignment.entity";
import { countPledge } from "../counters/counters.apply";
import { NtmCriterion } from "../ntm/ntm-criterion.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { Role } from "../users/user.entity";
import { Pledge } from "./pledge.entity";
import { PledgeStatus } from "./pledge.enums";
import type {
  PledgeDecisionInput,
  RegisterPledgeInput,
  ReportPledgeInput,
  UpdatePledgeInput,
} from "./pledge.mutation-inputs";

/**
 * The pledge lifecycle (DESIGN.md §4): REGISTERED → REPORTED → CONFIRMED | REJECTED (→ REPORTED again);
 * WITHDRAWN from REGISTERED. Each transition is a conditional UPDATE (`WHERE status IN (…)`, and the version
 * when the caller gives one) inside the mutation's transaction, so of concurrent transitions exactly one wins.
 */

type Operation = "update" | "withdraw" | "report" | "decide";

const ALLOWED_FROM: Record<Operation, PledgeStatus[]> = {
  update: [PledgeStatus.REGISTERED, PledgeStatus.REJECTED],
  withdraw: [PledgeStatus.REGISTERED],
  report: [PledgeStatus.REGISTERED, PledgeStatus.REJECTED],
  decide: [PledgeStatus.REPORTED],
};

/** The stable error for attempting `operation` on a pledge in `status`. */
export function transitionError(operation: Operation, status: PledgeStatus): ApiError {
  if (status === PledgeStatus.WITHDRAWN)
    return new ApiError(ErrorCode.PLEDGE_WITHDRAWN, "The pledge was withdrawn; it cannot change any more.");
  if (operation === "decide") {
    return status === PledgeStatus.REGISTERED
      ? new ApiError(
          ErrorCode.PLEDGE_NOT_REPORTED,
          "The pledge has not been reported done yet; there is nothing to confirm or reject.",
        )
      : new ApiError(ErrorCode.PLEDGE_ALREADY_DECIDED, `The pledge is already ${status.toLowerCase()}.`, {
          status,
        });
  }
  if (status === PledgeStatus.REPORTED) {
    return new ApiError(
      operation === "update" ? ErrorCode.PLEDGE_NOT_EDITABLE : ErrorCode.PLEDGE_ALREADY_REPORTED,
      "The pledge is reported and waits for confirmation.",
      { status },
    );
  }
  if (operation === "update")
    return new ApiError(ErrorCode.PLEDGE_NOT_EDITABLE, `A ${status.toLowerCase()} pledge cannot be edited.`, {
      status,
    });
  return new ApiError(ErrorCode.PLEDGE_ALREADY_DECIDED, `The pledge is already ${status.toLowerCase()}.`, {
    status,
  });
}

async function unitOf(scope: MutationScope, unitId: number): Promise<OrgUnit> {
  return scope.manager.getRepository(OrgUnit).findOneByOrFail({ id: unitId });
}

/** Loads a pledge the caller may see (NOT_FOUND otherwise, whether or not it exists). */
async function visiblePledge(
  scope: MutationScope,
  globalId: string,
): Promise<{ pledge: Pledge; unit: OrgUnit }> {
  const pledge = await scope.manager.getRepository(Pledge).findOneBy({ id: idOfType(globalId, "Pledge") });
  if (!pledge) throw notFound("Pledge", globalId);
  const unit = await unitOf(scope, pledge.unitId);
  if (!covers(scope.viewer, unit.path)) throw notFound("Pledge", globalId);
  return { pledge, unit };
}

function requireOwnPledge(scope: MutationScope, pledge: Pledge): void {
  if (!hasRole(scope.viewer, Role.MEMBER) || scope.viewer.memberId !== pledge.memberId) {
    throw new ApiError(
      ErrorCode.NOT_ASSIGNED_MEMBER,
      "Only the member who pledged it may change, withdraw or report it.",
    );
  }
}

function quantity(value: number | undefined | null, field: string): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 1e11)
    throw badInput(`${field} must be a number from 0.`, { field });
  return Math.round(value * 100) / 100;
}

async function criterionId(scope: MutationScope, number: number | undefined | null): Promise<number | null> {
  if (number == null) return null;
  const criterion = await scope.manager.getRepository(NtmCriterion).findOneBy({ number });
  if (!criterion)
    throw badInput(`There is no NTM criterion number ${number}; they run from 1 to 19.`, {
      field: "ntmCriterionNumber",
    });
  return criterion.id;
}

/** Applies a transition only if the pledge is still in an allowed status (and version), then records it. */
async function transition(
  scope: MutationScope,
  current: { pledge: Pledge; unit: OrgUnit },
  operation: Operation,
  action: string,
  changes: Partial<Pledge>,
  expectedVersion: number | undefined | null,
): Promise<Pledge> {
  const { pledge, unit } = current;
  if (!ALLOWED_FROM[operation].includes(pledge.status)) throw transitionError(operation, pledge.status);
  if (expectedVersion != null && expectedVersion !== pledge.version) {
    throw new ApiError(
      ErrorCode.VERSION_CONFLICT,
      "The pledge changed since you loaded it; reload and try again.",
      {
        expectedVersion,
        version: pledge.version,
      },
    );
  }
  const update = scope.manager
    .createQueryBuilder()
    .update(Pledge)
    .set(changes)
    .where("id = :id", { id: pledge.id })
    // The status read above, exactly: the counters move the pledge out of that status.
    .andWhere("status = :from", { from: pledge.status });
  if (expectedVersion != null) update.andWhere("version = :version", { version: expectedVersion });
  const result = await update.execute();
  if (result.affected !== 1) {
    // Another transaction got there first: report what it left. On MySQL/MariaDB a plain read would return this
    // transaction's (older) snapshot, so read the latest committed row with a locking read.
    const latest = scope.manager
      .getRepository(Pledge)
      .createQueryBuilder("p")
      .where("p.id = :id", { id: pledge.id });
    if (scope.manager.connection.options.type !== "better-sqlite3") latest.setLock("pessimistic_read");
    const now = await latest.getOneOrFail();
    if (!ALLOWED_FROM[operation].includes(now.status)) throw transitionError(operation, now.status);
    throw new ApiError(ErrorCode.VERSION_CONFLICT, "The pledge changed meanwhile; reload and try again.", {
      version: now.version,
    });
  }
  const after = await scope.manager.getRepository(Pledge).findOneByOrFail({ id: pledge.id });
  await countPledge(scope.manager, unit, pledge.year, pledge.status, after.status);
  await scope.record({
    action,
    entityType: "Pledge",
    entityId: pledge.id,
    unit,
    before: snapshot(pledge),
    after: snapshot(after),
  });
  return after;
}

export function registerPledge(
  ctx: Context,
  input: RegisterPledgeInput,
  idempotencyKey?: string | null,
): Promise<Pledge> {
  return runMutation(
    ctx,
    { name: "registerPledge", entity: Pledge, entityType: "Pledge", input, idempotencyKey },
    async (scope) => {
      const assignment = await scope.manager
        .getRepository(Assignment)
        .findOneBy({ id: idOfType(input.assignment, "Assignment") });
      if (!assignment) throw notFound("Assignment", input.assignment);
      const unit = await unitOf(scope, assignment.unitId);
      if (!covers(scope.viewer, unit.path)) throw notFound("Assignment", input.assignment);
      if (!hasRole(scope.viewer, Role.MEMBER) || scope.viewer.memberId !== assignment.memberId) {
        throw new ApiError(
          ErrorCode.NOT_ASSIGNED_MEMBER,
          "Only the member assigned to the unit may register pledges for it.",
        );
      }
      if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
        throw badInput("year must be between 2000 and 2100.");
      if (
        assignment.startsOn > `${input.year}-12-31` ||
        (assignment.endsOn != null && assignment.endsOn < `${input.year}-01-01`)
      ) {
        throw new ApiError(ErrorCode.ASSIGNMENT_NOT_ACTIVE, `The assignment does not run in ${input.year}.`, {
          year: input.year,
        });
      }
      const repository = scope.manager.getRepository(Pledge);
      const pledge = await repository.save(
        repository.create({
          assignmentId: assignment.id,
          unitId: assignment.unitId,
          memberId: assignment.memberId,
          year: input.year,
          title: text(input.title, "title", 300, true)!,
          category: input.category,
          ntmCriterionId: await criterionId(scope, input.ntmCriterionNumber),
          targetQuantity: quantity(input.targetQuantity, "targetQuantity"),
          targetUnit: text(input.targetUnit, "targetUnit", 32, false),
          dueOn: input.dueOn ? toDateString(input.dueOn) : null,
          status: PledgeStatus.REGISTERED,
          evidenceLinks: [],
        }),
      );
      await countPledge(scope.manager, unit, pledge.year, null, pledge.status);
      await scope.record({
        action: "PLEDGE_REGISTERED",
        entityType: "Pledge",
        entityId: pledge.id,
        unit,
        before: null,
        after: snapshot(pledge),
      });
      return pledge;
    },
  );
}

export function updatePledge(
  ctx: Context,
  input: UpdatePledgeInput,
  idempotencyKey?: string | null,
): Promise<Pledge> {
  return runMutation(
    ctx,
    { name: "updatePledge", entity: Pledge, entityType: "Pledge", input, idempotencyKey },
    async (scope) => {
      const current = await visiblePledge(scope, input.id);
      requireOwnPledge(scope, current.pledge);
      const changes: Partial<Pledge> = {};
      if (input.title !== undefined) changes.title = text(input.title, "title", 300, true)!;
      if (input.category != null) changes.category = input.category;
      if (input.ntmCriterionNumber !== undefined)
        changes.ntmCriterionId = await criterionId(scope, input.ntmCriterionNumber);
      if (input.targetQuantity !== undefined)
        changes.targetQuantity = quantity(input.targetQuantity, "targetQuantity");
      if (input.targetUnit !== undefined)
        changes.targetUnit = text(input.targetUnit, "targetUnit", 32, false);
      if (input.dueOn !== undefined) changes.dueOn = input.dueOn ? toDateString(input.dueOn) : null;
      if (Object.keys(changes).length === 0) throw badInput("Nothing to change: give at least one field.");
      return transition(scope, current, "update", "PLEDGE_UPDATED", changes, input.expectedVersion);
    },
  );
}

export function withdrawPledge(
  ctx: Context,
  input: PledgeDecisionInput,
  idempotencyKey?: string | null,
): Promise<Pledge> {
  return runMutation(
    ctx,
    { name: "withdrawPledge", entity: Pledge, entityType: "Pledge", input, idempotencyKey },
    async (scope) => {
      const current = await visiblePledge(scope, input.id);
      requireOwnPledge(scope, current.pledge);
      return transition(
        scope,
        current,
        "withdraw",
        "PLEDGE_WITHDRAWN",
        { status: PledgeStatus.WITHDRAWN },
        input.expectedVersion,
      );
    },
  );
}

export function reportPledge(
  ctx: Context,
  input: ReportPledgeInput,
  idempotencyKey?: string | null,
): Promise<Pledge> {
  return runMutation(
    ctx,
    { name: "reportPledge", entity: Pledge, entityType: "Pledge", input, idempotencyKey },
    async (scope) => {
      const current = await visiblePledge(scope, input.id);
      requireOwnPledge(scope, current.pledge);
      const links = input.evidenceLinks ?? [];
      if (links.length > 10) throw badInput("At most 10 evidence links.");
      for (const link of links) {
        let url: URL | null = null;
        try {
          url = new URL(link);
        } catch {
          url = null;
        }
        if (!url || !["http:", "https:"].includes(url.protocol) || link.length > 500)
          throw badInput(`"${link}" is not an http(s) link.`, { field: "evidenceLinks" });
      }
      return transition(
        scope,
        current,
        "report",
        "PLEDGE_REPORTED",
        {
          status: PledgeStatus.REPORTED,
          reportNote: text(input.reportNote, "reportNote", 5000, true),
          achievedQuantity: quantity(input.achievedQuantity, "achievedQuantity"),
          evidenceNote: text(input.evidenceNote, "evidenceNote", 5000, false),
          evidenceLinks: links,
          reportedAt: new Date(),
          decidedAt: null,
          decidedByUnitId: null,
        },
        input.expectedVersion,
      );
    },
  );
}

/** Confirms or rejects: only the committee of the unit directly above the pledge's unit, never its own member. */
function decide(
  ctx: Context,
  confirm: boolean,
  input: PledgeDecisionInput,
  idempotencyKey?: string | null,
): Promise<Pledge> {
  const name = confirm ? "confirmPledge" : "rejectPledge";
  return runMutation(
    ctx,
    { name, entity: Pledge, entityType: "Pledge", input, idempotencyKey },
    async (scope) => {
      const reason = confirm ? null : text(input.reason, "reason", 2000, false);
      if (!confirm && !reason)
        throw new ApiError(
          ErrorCode.REASON_REQUIRED,
          "Say why the report is rejected: the member will read it.",
        );
      const current = await visiblePledge(scope, input.id);
      if (scope.viewer.memberId != null && scope.viewer.memberId === current.pledge.memberId) {
        throw new ApiError(
          ErrorCode.SELF_CONFIRMATION_FORBIDDEN,
          "Nobody confirms or rejects their own pledge.",
        );
      }
      if (!hasRole(scope.viewer, Role.COMMITTEE))
        throw new ApiError(ErrorCode.FORBIDDEN, "Only a committee confirms or rejects pledges.");
      if (scope.viewer.unitId !== current.unit.parentId) {
        throw new ApiError(
          ErrorCode.NOT_CONFIRMER,
          "Only the committee of the unit directly above the pledge's unit confirms it.",
          {
            confirmingUnitId: current.unit.parentId,
          },
        );
      }
      return transition(
        scope,
        current,
        "decide",
        confirm ? "PLEDGE_CONFIRMED" : "PLEDGE_REJECTED",
        {
          status: confirm ? PledgeStatus.CONFIRMED : PledgeStatus.REJECTED,
          decidedAt: new Date(),
          decidedByUnitId: scope.viewer.unitId,
          rejectionReason: reason,
        },
        input.expectedVersion,
      );
    },
  );
}

export const confirmPledge = (ctx: Context, input: PledgeDecisionInput, key?: string | null) =>
  decide(ctx, true, input, key);
export const rejectPledge = (ctx: Context, input: PledgeDecisionInput, key?: string | null) =>
  decide(ctx, false, input, key);
