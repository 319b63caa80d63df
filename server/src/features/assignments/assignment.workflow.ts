import type { Context } from "../../core/context";
import { covers, hasRole, type Viewer } from "../../core/auth/viewer";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { runMutation, snapshot, type MutationScope } from "../../core/mutation";
import { toDateString } from "../../core/scalars";
import { countAssignment } from "../counters/counters.apply";
import { Directive } from "../directives/directive.entity";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
import { Term } from "../members/term.entity";
import { OrgUnit } from "../org-units/org-unit.entity";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { Assignment } from "./assignment.entity";
import type {
  AssignMemberInput,
  CreateDirectiveInput,
  EndAssignmentInput,
  ReassignInput,
} from "./assignment.mutation-inputs";

/** Directives and assignments are managed by ADMIN, or by a COMMITTEE within its subtree. */
function requireManager(viewer: Viewer, unit: OrgUnit): void {
  if (!hasRole(viewer, Role.ADMIN, Role.COMMITTEE))
    throw new ApiError(
      ErrorCode.FORBIDDEN,
      "Only a committee or the city office manages directives and assignments.",
    );
  if (!covers(viewer, unit.path))
    throw new ApiError(ErrorCode.FORBIDDEN, "The unit is outside your subtree.", { unitCode: unit.code });
}

const previousDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function createDirective(
  ctx: Context,
  input: CreateDirectiveInput,
  idempotencyKey?: string | null,
): Promise<Directive> {
  return runMutation(
    ctx,
    { name: "createDirective", entity: Directive, entityType: "Directive", input, idempotencyKey },
    async (scope) => {
      const issuer = await resolveUnitRef(ctx, input.issuer);
      requireManager(scope.viewer, issuer);
      const number = input.number.trim();
      const title = input.title.trim();
      if (!number || number.length > 48)
        throw badInput("number must be 1 to 48 characters, as written on the document (e.g. 02-NQ/QU).");
      if (!title || title.length > 500) throw badInput("title must be 1 to 500 characters.");
      if (
        input.minVisitsPerMonth != null &&
        (!Number.isInteger(input.minVisitsPerMonth) ||
          input.minVisitsPerMonth < 1 ||
          input.minVisitsPerMonth > 31)
      ) {
        throw badInput("minVisitsPerMonth must be between 1 and 31.");
      }
      const issuedOn = input.issuedOn ? toDateString(input.issuedOn) : null;
      const repository = scope.manager.getRepository(Directive);
      const directive = await repository.save(
        repository.create({
          number,
          type: input.type,
          issuerUnitId: issuer.id,
          issuerName: input.issuerName?.trim() || issuer.name,
          issuedYear: issuedOn ? Number(issuedOn.slice(0, 4)) : (input.issuedYear ?? null),
          issuedOn,
          title,
          minVisitsPerMonth: input.minVisitsPerMonth ?? null,
          generated: false,
        }),
      );
      await scope.record({
        action: "DIRECTIVE_CREATED",
        entityType: "Directive",
        entityId: directive.id,
        unit: issuer,
        before: null,
        after: snapshot(directive),
      });
      return directive;
    },
  );
}

async function createAssignment(
  scope: MutationScope,
  args: {
    member: Member;
    unit: OrgUnit;
    directiveId: number;
    termId: number | null;
    scope: Assignment["scope"];
    startsOn: string;
    endsOn: string | null;
  },
): Promise<Assignment> {
  const directive = await scope.manager.getRepository(Directive).findOneBy({ id: args.directiveId });
  if (!directive) throw notFound("Directive", args.directiveId);
  if (directive.issuerUnitId != null) {
    const issuer = await scope.manager.getRepository(OrgUnit).findOneByOrFail({ id: directive.issuerUnitId });
    if (!args.unit.path.startsWith(issuer.path)) {
      throw new ApiError(
        ErrorCode.DIRECTIVE_NOT_IN_SCOPE,
        "A directive assigns members only to units under its issuing unit.",
        { directive: directive.number },
      );
    }
  }
  if (args.endsOn != null && args.endsOn < args.startsOn)
    throw badInput("endsOn must not be before startsOn.");
  const repository = scope.manager.getRepository(Assignment);
  const assignment = await repository.save(
    repository.create({
      memberId: args.member.id,
      unitId: args.unit.id,
      directiveId: directive.id,
      termId: args.termId,
      scope: args.scope,
      startsOn: args.startsOn,
      endsOn: args.endsOn,
    }),
  );
  await countAssignment(scope.manager, args.unit, null, assignment);
  await scope.record({
    action: "ASSIGNMENT_CREATED",
    entityType: "Assignment",
    entityId: assignment.id,
    unit: args.unit,
    before: null,
    after: snapshot(assignment),
  });
  return assignment;
}

async function visibleMember(ctx: Context, globalId: string): Promise<Member> {
  const member = await memberById(ctx).load(idOfType(globalId, "Member"));
  if (!member) throw notFound("Member", globalId);
  return member;
}

export function assignMember(
  ctx: Context,
  input: AssignMemberInput,
  idempotencyKey?: string | null,
): Promise<Assignment> {
  return runMutation(
    ctx,
    { name: "assignMember", entity: Assignment, entityType: "Assignment", input, idempotencyKey },
    async (scope) => {
      const unit = await resolveUnitRef(ctx, input.unit);
      requireManager(scope.viewer, unit);
      const member = await visibleMember(ctx, input.member);
      let termId: number | null = null;
      if (input.term) {
        const term = await scope.manager.getRepository(Term).findOneBy({ id: idOfType(input.term, "Term") });
        if (!term) throw notFound("Term", input.term);
        termId = term.id;
      }
      return createAssignment(scope, {
        member,
        unit,
        directiveId: idOfType(input.directive, "Directive"),
        termId,
        scope: input.scope,
        startsOn: toDateString(input.startsOn),
        endsOn: input.endsOn ? toDateString(input.endsOn) : null,
      });
    },
  );
}

async function endIt(
  scope: MutationScope,
  assignment: Assignment,
  unit: OrgUnit,
  endsOn: string,
): Promise<Assignment> {
  if (assignment.endsOn != null && assignment.endsOn <= endsOn) {
    throw new ApiError(
      ErrorCode.ASSIGNMENT_ALREADY_ENDED,
      `The assignment already ended on ${assignment.endsOn}.`,
      { endsOn: assignment.endsOn },
    );
  }
  if (endsOn < assignment.startsOn)
    throw badInput("An assignment cannot end before it starts.", { startsOn: assignment.startsOn });
  const before = snapshot(assignment);
  await scope.manager.getRepository(Assignment).update({ id: assignment.id }, { endsOn });
  const after = await scope.manager.getRepository(Assignment).findOneByOrFail({ id: assignment.id });
  await countAssignment(scope.manager, unit, assignment, after);
  await scope.record({
    action: "ASSIGNMENT_ENDED",
    entityType: "Assignment",
    entityId: assignment.id,
    unit,
    before,
    after: snapshot(after),
  });
  return after;
}

async function managedAssignment(
  scope: MutationScope,
  globalId: string,
): Promise<{ assignment: Assignment; unit: OrgUnit }> {
  const assignment = await scope.manager
    .getRepository(Assignment)
    .findOneBy({ id: idOfType(globalId, "Assignment") });
  if (!assignment) throw notFound("Assignment", globalId);
  const unit = await scope.manager.getRepository(OrgUnit).findOneByOrFail({ id: assignment.unitId });
  if (!covers(scope.viewer, unit.path)) throw notFound("Assignment", globalId);
  requireManager(scope.viewer, unit);
  return { assignment, unit };
}

export function endAssignment(
  ctx: Context,
  input: EndAssignmentInput,
  idempotencyKey?: string | null,
): Promise<Assignment> {
  return runMutation(
    ctx,
    { name: "endAssignment", entity: Assignment, entityType: "Assignment", input, idempotencyKey },
    async (scope) => {
      const { assignment, unit } = await managedAssignment(scope, input.id);
      return endIt(scope, assignment, unit, toDateString(input.endsOn));
    },
  );
}

/** Hands a unit to another member from a day on: the old assignment ends the day before, history is kept. */
export function reassign(
  ctx: Context,
  input: ReassignInput,
  idempotencyKey?: string | null,
): Promise<Assignment> {
  return runMutation(
    ctx,
    { name: "reassign", entity: Assignment, entityType: "Assignment", input, idempotencyKey },
    async (scope) => {
      const { assignment, unit } = await managedAssignment(scope, input.assignment);
      const member = await visibleMember(ctx, input.member);
      if (member.id === assignment.memberId) throw badInput("The unit is already assigned to this member.");
      const from = toDateString(input.from);
      if (from <= assignment.startsOn)
        throw badInput("The new member must take over after the current assignment started.");
      await endIt(scope, assignment, unit, previousDay(from));
      return createAssignment(scope, {
        member,
        unit,
        directiveId: assignment.directiveId,
        termId: assignment.termId,
        scope: assignment.scope,
        startsOn: from,
        endsOn: assignment.endsOn,
      });
    },
  );
}
