import { covers, requireRole } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { runMutation, snapshot, type MutationScope } from "../../core/mutation";
import { countConcern } from "../counters/counters.apply";
import { OrgUnit } from "../org-units/org-unit.entity";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { Concern, ConcernStatus } from "./concern.entity";
import { Delegation } from "./delegation.entity";
import type {
  AssignConcernHandlerInput,
  RaiseConcernInput,
  ResolveConcernInput,
  StartConcernInput,
} from "./delegation.mutation-inputs";
import { day, text } from "../../core/input";
import { isBelow, outsideSubtree } from "./delegation.workflow";

/**
 * The concern lifecycle (khó khăn, vướng mắc): OPEN → (handler assigned) → IN_PROGRESS → RESOLVED, or OPEN →
 * RESOLVED directly once a handler is assigned. Each move is a conditional UPDATE on the status and handler the
 * caller was checked against, inside the mutation's transaction, so of concurrent moves exactly one wins.
 * Every event of a concern belongs to the unit that raised it.
 */

type Operation = "assign" | "start" | "resolve";

const ALLOWED_FROM: Record<Operation, ConcernStatus[]> = {
  assign: [ConcernStatus.OPEN],
  start: [ConcernStatus.OPEN],
  resolve: [ConcernStatus.OPEN, ConcernStatus.IN_PROGRESS],
};

const VERB: Record<Operation, string> = {
  assign: "be given a handler",
  start: "be started",
  resolve: "be resolved",
};

interface Current {
  concern: Concern;
  raisedBy: OrgUnit;
  handler: OrgUnit | null;
}

function invalidTransition(operation: Operation, status: ConcernStatus): ApiError {
  return new ApiError(
    ErrorCode.CONCERN_INVALID_TRANSITION,
    `The concern is ${status}; it cannot ${VERB[operation]} (allowed from ${ALLOWED_FROM[operation].join(" or ")}).`,
    { status, operation },
  );
}

function noHandler(operation: Operation, status: ConcernStatus): ApiError {
  return new ApiError(
    ErrorCode.CONCERN_INVALID_TRANSITION,
    "The concern has no handler unit yet: assign one first.",
    { status, operation },
  );
}

/** Today in Vietnam (UTC+7, no daylight saving), as `YYYY-MM-DD`. */
const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** A concern the caller may see (raised or handled in the caller's subtree); NOT_FOUND otherwise. */
async function visibleConcern(scope: MutationScope, globalId: string): Promise<Current> {
  const concern = await scope.manager.getRepository(Concern).findOneBy({ id: idOfType(globalId, "Concern") });
  if (!concern) throw notFound("Concern", globalId);
  const units = scope.manager.getRepository(OrgUnit);
  const raisedBy = await units.findOneByOrFail({ id: concern.raisedByUnitId });
  const handler =
    concern.handlerUnitId == null ? null : await units.findOneByOrFail({ id: concern.handlerUnitId });
  if (!covers(scope.viewer, raisedBy.path) && !(handler && covers(scope.viewer, handler.path)))
    throw notFound("Concern", globalId);
  return { concern, raisedBy, handler };
}

/** The handler's committee (or one above it) may start and resolve; the concern must have a handler. */
function requireHandler(scope: MutationScope, current: Current, operation: Operation): OrgUnit {
  if (!current.handler) throw noHandler(operation, current.concern.status);
  if (!covers(scope.viewer, current.handler.path))
    throw outsideSubtree(current.handler, "act for it as the concern's handler");
  return current.handler;
}

/**
 * Applies a move only if the concern still has the status and handler it was checked against, then records it.
 * A lost race is reported from the latest committed row.
 */
async function transition(
  scope: MutationScope,
  current: Current,
  operation: Operation,
  action: string,
  changes: Partial<Concern>,
): Promise<Concern> {
  const { concern, raisedBy } = current;
  if (!ALLOWED_FROM[operation].includes(concern.status)) throw invalidTransition(operation, concern.status);
  const update = scope.manager
    .createQueryBuilder()
    .update(Concern)
    .set(changes)
    .where("id = :id", { id: concern.id })
    .andWhere("status = :status", { status: concern.status });
  if (concern.handlerUnitId == null) update.andWhere("handler_unit_id IS NULL");
  else update.andWhere("handler_unit_id = :handler", { handler: concern.handlerUnitId });
  const result = await update.execute();
  if (result.affected !== 1) {
    // On MySQL/MariaDB a plain read would return this transaction's older snapshot: read the latest row.
    const latest = scope.manager
      .getRepository(Concern)
      .createQueryBuilder("c")
      .where("c.id = :id", { id: concern.id });
    if (scope.manager.connection.options.type !== "better-sqlite3") latest.setLock("pessimistic_read");
    const now = await latest.getOneOrFail();
    if (!ALLOWED_FROM[operation].includes(now.status)) throw invalidTransition(operation, now.status);
    throw new ApiError(ErrorCode.VERSION_CONFLICT, "The concern changed meanwhile; reload and try again.", {
      status: now.status,
    });
  }
  const after = await scope.manager.getRepository(Concern).findOneByOrFail({ id: concern.id });
  await countConcern(scope.manager, raisedBy, concern.status, after.status);
  await scope.record({
    action,
    entityType: "Concern",
    entityId: concern.id,
    unit: raisedBy,
    before: snapshot(concern),
    after: snapshot(after),
  });
  return after;
}

export function raiseConcern(
  ctx: Context,
  input: RaiseConcernInput,
  idempotencyKey?: string | null,
): Promise<Concern> {
  return runMutation(
    ctx,
    { name: "raiseConcern", entity: Concern, entityType: "Concern", input, idempotencyKey },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const raisedBy = await resolveUnitRef(ctx, input.raisedBy);
      let delegation: Delegation | null = null;
      if (input.delegation != null) {
        delegation = await scope.manager
          .getRepository(Delegation)
          .findOneBy({ id: idOfType(input.delegation, "Delegation") });
        const units = scope.manager.getRepository(OrgUnit);
        const visited = delegation && (await units.findOneByOrFail({ id: delegation.visitedUnitId }));
        const leading = delegation && (await units.findOneByOrFail({ id: delegation.leadingUnitId }));
        if (!delegation || !visited || !leading) throw notFound("Delegation", input.delegation);
        if (!covers(scope.viewer, visited.path) && !covers(scope.viewer, leading.path))
          throw notFound("Delegation", input.delegation);
        if (raisedBy.id !== visited.id && !isBelow(raisedBy, visited))
          throw badInput(`${raisedBy.name} (${raisedBy.code}) was not visited by this delegation.`, {
            field: "raisedBy",
          });
      }
      // With a delegation, raisedBy lies under the visited unit, itself under the leading unit: so the leading
      // unit's committee always passes this check, as does the raising unit's own committee.
      if (!covers(scope.viewer, raisedBy.path)) throw outsideSubtree(raisedBy, "raise concerns for it");

      const raisedOn = input.raisedOn
        ? day(input.raisedOn, "raisedOn")
        : (delegation?.visitedOn ?? todayInVietnam());
      if (raisedOn > todayInVietnam())
        throw badInput("raisedOn must not be in the future.", { field: "raisedOn" });
      if (delegation && raisedOn < delegation.visitedOn)
        throw badInput(`raisedOn must not precede the delegation's session on ${delegation.visitedOn}.`, {
          field: "raisedOn",
        });

      const repository = scope.manager.getRepository(Concern);
      const concern = await repository.save(
        repository.create({
          raisedByUnitId: raisedBy.id,
          delegationId: delegation?.id ?? null,
          handlerUnitId: null,
          title: text(input.title, "title", 300, true)!,
          description: text(input.description, "description", 5000, false),
          status: ConcernStatus.OPEN,
          answer: null,
          raisedOn,
          startedAt: null,
          resolvedAt: null,
        }),
      );
      await countConcern(scope.manager, raisedBy, null, concern.status);
      await scope.record({
        action: "CONCERN_RAISED",
        entityType: "Concern",
        entityId: concern.id,
        unit: raisedBy,
        before: null,
        after: snapshot(concern),
      });
      return concern;
    },
  );
}

/** ADMIN/COMMITTEE whose unit covers both the raising unit and the handler: it hands the concern down (or keeps it). */
export function assignConcernHandler(
  ctx: Context,
  input: AssignConcernHandlerInput,
  idempotencyKey?: string | null,
): Promise<Concern> {
  return runMutation(
    ctx,
    { name: "assignConcernHandler", entity: Concern, entityType: "Concern", input, idempotencyKey },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const current = await visibleConcern(scope, input.id);
      const handler = await resolveUnitRef(ctx, input.handler);
      if (!covers(scope.viewer, current.raisedBy.path))
        throw outsideSubtree(current.raisedBy, "assign handlers to its concerns");
      if (!covers(scope.viewer, handler.path)) throw outsideSubtree(handler, "make it handle a concern");
      return transition(scope, current, "assign", "CONCERN_HANDLER_ASSIGNED", { handlerUnitId: handler.id });
    },
  );
}

export function startConcern(
  ctx: Context,
  input: StartConcernInput,
  idempotencyKey?: string | null,
): Promise<Concern> {
  return runMutation(
    ctx,
    { name: "startConcern", entity: Concern, entityType: "Concern", input, idempotencyKey },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const current = await visibleConcern(scope, input.id);
      requireHandler(scope, current, "start");
      return transition(scope, current, "start", "CONCERN_STARTED", {
        status: ConcernStatus.IN_PROGRESS,
        startedAt: new Date(),
      });
    },
  );
}

export function resolveConcern(
  ctx: Context,
  input: ResolveConcernInput,
  idempotencyKey?: string | null,
): Promise<Concern> {
  return runMutation(
    ctx,
    { name: "resolveConcern", entity: Concern, entityType: "Concern", input, idempotencyKey },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const answer = text(input.answer, "answer", 5000, true)!;
      const current = await visibleConcern(scope, input.id);
      requireHandler(scope, current, "resolve");
      const now = new Date();
      return transition(scope, current, "resolve", "CONCERN_RESOLVED", {
        status: ConcernStatus.RESOLVED,
        answer,
        resolvedAt: now,
        // Resolved straight from OPEN: handling started and ended at once.
        startedAt: current.concern.startedAt ?? now,
      });
    },
  );
}
