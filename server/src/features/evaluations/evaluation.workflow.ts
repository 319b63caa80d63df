import type { Context } from "../../core/context";
import { covers, hasRole, requireViewer, type Viewer } from "../../core/auth/viewer";
import { ApiError, ErrorCode, badInput, notFound } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { runMutation, snapshot, type MutationScope } from "../../core/mutation";
import { paginate } from "../../core/pagination";
import { whereInSubtree } from "../../core/subtree";
import { Member } from "../members/member.entity";
import { OrgUnit, subtreeUpperBound } from "../org-units/org-unit.entity";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { Evaluation } from "./evaluation.entity";
import { Grade } from "./evaluation.enums";
import type { ProposeGradesInput, SetFinalGradeInput, SetUnitGradeInput } from "./evaluation.mutation-inputs";
import { GradeCount, ProposeGradesPayload, SetFinalGradePayload } from "./evaluation.payloads";
import {
  assignedMemberIdsSql,
  assignedMembers,
  chunked,
  evaluationsOf,
  readGradeInputs,
} from "./evaluation.queries";
import { lastEndedMonth } from "./grade-inputs";
import { quotaWarningOf } from "./grade-quota.service";
import { proposeGrade } from "./grade-rule";
import { UnitEvaluation } from "./unit-evaluation.entity";

/**
 * Evaluations (đánh giá, xếp loại): the rule proposes a member's grade from the year's pledges and visits
 * (`grade-rule.ts`, inputs as `grade-inputs.ts` says), a committee over the member's home unit sets the final
 * grade, with a warning when its organisation breaks the 2018 quota (`grade-quota.ts`); the committee of the
 * unit above grades a Party organisation. Every change goes through `runMutation`: one transaction with its
 * event rows, optionally idempotent.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** A year that has begun: grading a year before it starts is GRADE_NOT_ALLOWED. */
function requireYearBegun(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(`year must be between 2000 and 2100; got ${year}.`, { field: "year" });
  if (year > Number(today().slice(0, 4)))
    throw new ApiError(
      ErrorCode.GRADE_NOT_ALLOWED,
      `The year ${year} has not begun: there is nothing to grade.`,
      {
        year,
      },
    );
  return year;
}

function requireGrader(viewer: Viewer): void {
  if (!hasRole(viewer, Role.COMMITTEE, Role.ADMIN))
    throw new ApiError(ErrorCode.FORBIDDEN, "Only a committee or the city office grades.", {
      requiredRoles: [Role.COMMITTEE, Role.ADMIN],
    });
}

const homeOf = (m: { homeUnitId: number; homePath: string }) => ({ id: m.homeUnitId, path: m.homePath });

// ---- proposeGrades ---------------------------------------------------------------------------------------

/**
 * Computes the proposed grade of every member with an assignment running in the year to a unit in the subtree
 * whose home unit the caller covers (the others belong to the committee over their home), and upserts it.
 * Evaluations with a final grade keep the proposal they were decided on. Each created or changed proposal gets
 * its own EVALUATION_PROPOSED event in the member's home unit, with the rule's inputs in `after.basis`: a
 * summary event would not say whose grade moved, and would outgrow the event's text column in a large subtree.
 */
export async function proposeGrades(
  ctx: Context,
  input: ProposeGradesInput,
  idempotencyKey?: string | null,
): Promise<ProposeGradesPayload> {
  let changed = 0;
  const root = await runMutation(
    ctx,
    { name: "proposeGrades", entity: OrgUnit, entityType: "OrgUnit", input, idempotencyKey },
    async (scope) => {
      requireGrader(scope.viewer);
      const year = requireYearBegun(input.year);
      const unit = await resolveUnitRef(ctx, input.unit);
      if (!covers(scope.viewer, unit.path))
        throw new ApiError(ErrorCode.FORBIDDEN, "You may propose grades only within your own subtree.", {
          unitCode: unit.code,
        });
      const members = (await assignedMembers(scope.manager, unit.path, year)).filter((m) =>
        covers(scope.viewer, m.homePath),
      );
      const ids = members.map((m) => m.memberId);
      const inputs = await readGradeInputs(scope.manager, ids, year, lastEndedMonth(year, today()));
      const before = await evaluationsOf(scope.manager, ids, year);

      const creates: { memberId: number; year: number; proposedGrade: Grade }[] = [];
      const updates = new Map<Grade, Evaluation[]>();
      for (const id of ids) {
        const grade = proposeGrade(inputs.get(id)!);
        const current = before.get(id);
        if (!current) creates.push({ memberId: id, year, proposedGrade: grade });
        else if (current.finalGrade == null && current.proposedGrade !== grade) {
          if (!updates.has(grade)) updates.set(grade, []);
          updates.get(grade)!.push(current);
        }
      }
      await insertEvaluations(scope, creates);
      for (const [grade, evaluations] of updates) {
        for (const chunk of chunked(evaluations)) {
          await scope.manager
            .createQueryBuilder()
            .update(Evaluation)
            .set({ proposedGrade: grade })
            .where("id IN (:...ids)", { ids: chunk.map((e) => e.id) })
            .execute();
        }
      }

      const changedSet = new Set([
        ...creates.map((c) => c.memberId),
        ...[...updates.values()].flat().map((e) => e.memberId),
      ]);
      const after = await evaluationsOf(scope.manager, [...changedSet], year);
      for (const member of members.filter((m) => changedSet.has(m.memberId))) {
        const evaluation = after.get(member.memberId)!;
        await scope.record({
          action: "EVALUATION_PROPOSED",
          entityType: "Evaluation",
          entityId: evaluation.id,
          unit: homeOf(member),
          before: snapshot(before.get(member.memberId)),
          after: { ...snapshot(evaluation), basis: inputs.get(member.memberId) },
        });
      }
      changed = changedSet.size;
      return unit;
    },
  );
  return proposalPayload(ctx, root, input.year, changed);
}

async function insertEvaluations(
  scope: MutationScope,
  rows: { memberId: number; year: number; proposedGrade: Grade }[],
): Promise<void> {
  try {
    for (const chunk of chunked(rows, 200)) {
      await scope.manager
        .createQueryBuilder()
        .insert()
        .into(Evaluation)
        .values(chunk.map((row) => ({ ...row, finalGrade: null, decidedByUnitId: null, note: null })))
        .updateEntity(false)
        .execute();
    }
  } catch (error) {
    throw conflictOnDuplicate(error);
  }
}

/** A concurrent call created the same (member, year) evaluation first: ask the caller to retry. */
function conflictOnDuplicate(error: unknown): unknown {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.code ?? e.driverError?.code ?? "";
  if (code === "ER_DUP_ENTRY" || code.startsWith("SQLITE_CONSTRAINT"))
    return new ApiError(ErrorCode.VERSION_CONFLICT, "The evaluation was created meanwhile; try again.");
  return error;
}

/** The payload, read after commit, so that a replay with the same idempotency key answers the same way. */
async function proposalPayload(
  ctx: Context,
  root: OrgUnit,
  year: number,
  changed: number,
): Promise<ProposeGradesPayload> {
  const viewer = requireViewer(ctx);
  const all = await assignedMembers(ctx.db.manager, root.path, year);
  const covered = all.filter((m) => covers(viewer, m.homePath));
  const counts = new Map<Grade, number>();
  for (const m of covered)
    if (m.proposedGrade) counts.set(m.proposedGrade, (counts.get(m.proposedGrade) ?? 0) + 1);
  return Object.assign(new ProposeGradesPayload(), {
    unit: root,
    year,
    members: covered.length,
    changed,
    decided: covered.filter((m) => m.finalGrade != null).length,
    outsideScope: all.length - covered.length,
    proposed: Object.values(Grade).map((grade) =>
      Object.assign(new GradeCount(), { grade, count: counts.get(grade) ?? 0 }),
    ),
    list: (page: { first?: number; after?: string }) => {
      const assigned = assignedMemberIdsSql(root.path, year);
      const query = ctx.db
        .getRepository(Evaluation)
        .createQueryBuilder("e")
        .innerJoin(Member, "em", "em.id = e.memberId")
        .where("e.year = :year", { year })
        .andWhere(
          `e.memberId IN (SELECT pa.member_id FROM assignment pa JOIN org_unit pu ON pu.id = pa.unit_id
            WHERE pu.path >= :paLo AND pu.path < :paHi AND pa.starts_on <= :paTo AND (pa.ends_on IS NULL OR pa.ends_on >= :paFrom))`,
          {
            paLo: assigned.params[0],
            paHi: assigned.params[1],
            paTo: assigned.params[2],
            paFrom: assigned.params[3],
          },
        );
      whereInSubtree(query, "em.homeUnitId", viewer.unitPath);
      return paginate(query, page, [{ path: "e.id", direction: "ASC", value: (e) => e.id }]);
    },
  });
}

// ---- setFinalGrade ---------------------------------------------------------------------------------------

/** True when the member directs some unit in the subtree at `path` (so the caller may see them). */
async function directsIn(scope: MutationScope, memberId: number, path: string): Promise<boolean> {
  const rows: unknown[] = await scope.manager.query(
    `SELECT 1 AS found FROM assignment a JOIN org_unit u ON u.id = a.unit_id
     WHERE a.member_id = ? AND u.path >= ? AND u.path < ? LIMIT 1`,
    [memberId, path, subtreeUpperBound(path)],
  );
  return rows.length > 0;
}

async function assignedInYear(scope: MutationScope, memberId: number, year: number): Promise<boolean> {
  const rows: unknown[] = await scope.manager.query(
    `SELECT 1 AS found FROM assignment a
     WHERE a.member_id = ? AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?) LIMIT 1`,
    [memberId, `${year}-12-31`, `${year}-01-01`],
  );
  return rows.length > 0;
}

function noteOf(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? "";
  if (trimmed.length > 2000) throw badInput("note must be at most 2000 characters.", { field: "note" });
  return trimmed === "" ? null : trimmed;
}

/**
 * Sets a member's final grade for a year: a COMMITTEE (or ADMIN) whose subtree holds the member's home unit,
 * never the member themselves. Creates the evaluation when the member had an assignment that year but no
 * proposal yet. The quota warning is read after commit, for the member's organisation (their home unit).
 */
export async function setFinalGrade(
  ctx: Context,
  input: SetFinalGradeInput,
  idempotencyKey?: string | null,
): Promise<SetFinalGradePayload> {
  const evaluation = await runMutation(
    ctx,
    { name: "setFinalGrade", entity: Evaluation, entityType: "Evaluation", input, idempotencyKey },
    async (scope) => {
      const { viewer } = scope;
      const member = await scope.manager
        .getRepository(Member)
        .findOneBy({ id: idOfType(input.member, "Member") });
      if (!member) throw notFound("Member", input.member);
      const home = await scope.manager.getRepository(OrgUnit).findOneByOrFail({ id: member.homeUnitId });
      if (!covers(viewer, home.path) && !(await directsIn(scope, member.id, viewer.unitPath)))
        throw notFound("Member", input.member);
      if (viewer.memberId === member.id)
        throw new ApiError(ErrorCode.FORBIDDEN, "Nobody sets their own grade.");
      requireGrader(viewer);
      if (!covers(viewer, home.path)) {
        throw new ApiError(
          ErrorCode.FORBIDDEN,
          "Only a committee over the member's home unit sets their grade.",
          { homeUnitCode: home.code },
        );
      }
      const year = requireYearBegun(input.year);
      const note = noteOf(input.note);
      const repository = scope.manager.getRepository(Evaluation);
      const before = await repository.findOneBy({ memberId: member.id, year });
      const decision = {
        finalGrade: input.grade,
        decidedByUnitId: viewer.unitId,
        ...(note !== undefined ? { note } : {}),
      };
      if (before) {
        await repository.update({ id: before.id }, decision);
      } else {
        if (!(await assignedInYear(scope, member.id, year))) {
          throw new ApiError(
            ErrorCode.EVALUATION_NOT_FOUND,
            `The member directed no unit in ${year}: there is no evaluation to decide.`,
            { year },
          );
        }
        try {
          await repository.insert({
            memberId: member.id,
            year,
            proposedGrade: null,
            note: null,
            ...decision,
          });
        } catch (error) {
          throw conflictOnDuplicate(error);
        }
      }
      const after = await repository.findOneByOrFail({ memberId: member.id, year });
      await scope.record({
        action: "EVALUATION_FINAL_SET",
        entityType: "Evaluation",
        entityId: after.id,
        unit: home,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    },
  );
  return Object.assign(new SetFinalGradePayload(), {
    evaluation,
    quotaWarning: await quotaWarningOf(ctx, evaluation.memberId, evaluation.year),
  });
}

// ---- setUnitGrade ----------------------------------------------------------------------------------------

/**
 * Grades a Party organisation for a year: the COMMITTEE of the unit directly above it (a cell: its phường/xã
 * committee), or ADMIN over it; never the organisation itself. The city has no unit above it here.
 */
export function setUnitGrade(
  ctx: Context,
  input: SetUnitGradeInput,
  idempotencyKey?: string | null,
): Promise<UnitEvaluation> {
  return runMutation(
    ctx,
    { name: "setUnitGrade", entity: UnitEvaluation, entityType: "UnitEvaluation", input, idempotencyKey },
    async (scope) => {
      const { viewer } = scope;
      requireGrader(viewer);
      const unit = await resolveUnitRef(ctx, input.unit);
      if (unit.parentId == null) {
        throw new ApiError(
          ErrorCode.GRADE_NOT_ALLOWED,
          "The city's organisation is graded by the level above, outside this tracker.",
          { unitCode: unit.code },
        );
      }
      const grader =
        (hasRole(viewer, Role.COMMITTEE) && viewer.unitId === unit.parentId) ||
        (hasRole(viewer, Role.ADMIN) && covers(viewer, unit.path));
      if (!grader || viewer.unitId === unit.id) {
        throw new ApiError(
          ErrorCode.FORBIDDEN,
          "Only the committee of the unit directly above grades an organisation.",
          { unitCode: unit.code },
        );
      }
      const year = requireYearBegun(input.year);
      if (unit.validFrom > `${year}-12-31` || (unit.validTo != null && unit.validTo < `${year}-01-01`)) {
        throw new ApiError(ErrorCode.GRADE_NOT_ALLOWED, `The unit did not exist in ${year}.`, {
          unitCode: unit.code,
          year,
        });
      }
      const repository = scope.manager.getRepository(UnitEvaluation);
      const before = await repository.findOneBy({ unitId: unit.id, year });
      if (before) {
        await repository.update({ id: before.id }, { grade: input.grade });
      } else {
        try {
          await repository.insert({ unitId: unit.id, year, grade: input.grade });
        } catch (error) {
          throw conflictOnDuplicate(error);
        }
      }
      const after = await repository.findOneByOrFail({ unitId: unit.id, year });
      await scope.record({
        action: "UNIT_GRADE_SET",
        entityType: "UnitEvaluation",
        entityId: after.id,
        unit,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    },
  );
}
