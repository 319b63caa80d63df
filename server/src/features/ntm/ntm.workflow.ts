import type { EntityManager } from "typeorm";
import { text } from "../../core/input";
import { covers, requireRole, type Viewer } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput } from "../../core/errors";
import { runMutation, snapshot, isDuplicateKey } from "../../core/mutation";
import { yearPeriod } from "../../core/period";
import { toDateString } from "../../core/scalars";
import { countNtmCriterion, countNtmRecognition } from "../counters/counters.apply";
import { OrgUnit, subtreeUpperBound } from "../org-units/org-unit.entity";
import { UnitKind } from "../org-units/org-unit.enums";
import { resolveUnitRef } from "../org-units/org-unit.service";
import { Role } from "../users/user.entity";
import { NtmCriterionStatus } from "./ntm-criterion-status.entity";
import { NtmCriterion } from "./ntm-criterion.entity";
import { NtmRecognition } from "./ntm-recognition.entity";
import type { RecognizeNtmInput, SetNtmCriterionStatusInput } from "./ntm.mutation-inputs";

function outsideSubtree(unit: OrgUnit, what: string): ApiError {
  return new ApiError(
    ErrorCode.FORBIDDEN,
    `${unit.name} (${unit.code}) is outside your unit: you cannot ${what}.`,
    {
      unitCode: unit.code,
    },
  );
}

function notACommune(unit: OrgUnit, expected: string): ApiError {
  return new ApiError(
    ErrorCode.NOT_A_COMMUNE,
    `${unit.name} (${unit.code}) is a ${unit.kind}, not ${expected}.`,
    {
      unitCode: unit.code,
      kind: unit.kind,
    },
  );
}

/** Refuses unless the unit lies strictly below the viewer's unit: no committee recognises its own unit. */
function requireAbove(viewer: Viewer, unit: OrgUnit): void {
  if (!covers(viewer, unit.path)) throw outsideSubtree(unit, "recognise it");
  if (unit.path === viewer.unitPath)
    throw new ApiError(
      ErrorCode.FORBIDDEN,
      "A unit's committee does not recognise its own unit: the committee above it does.",
      { unitCode: unit.code },
    );
}

export function setNtmCriterionStatus(
  ctx: Context,
  input: SetNtmCriterionStatusInput,
  idempotencyKey?: string | null,
): Promise<NtmCriterionStatus> {
  return runMutation(
    ctx,
    {
      name: "setNtmCriterionStatus",
      entity: NtmCriterionStatus,
      entityType: "NtmCriterionStatus",
      input,
      idempotencyKey,
    },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const unit = await resolveUnitRef(ctx, input.unit);
      if (!covers(scope.viewer, unit.path)) throw outsideSubtree(unit, "assess its NTM criteria");
      if (unit.kind !== UnitKind.COMMUNE) throw notACommune(unit, "a commune (xã)");
      yearPeriod(input.year);
      const criterion = await scope.manager
        .getRepository(NtmCriterion)
        .findOneBy({ number: input.criterionNumber });
      if (!criterion)
        throw badInput(`There is no NTM criterion number ${input.criterionNumber}; they run from 1 to 19.`, {
          field: "criterionNumber",
        });
      const metOn = input.metOn ? toDateString(input.metOn) : null;
      if (metOn && !input.met)
        throw badInput("metOn is the day the criterion was met: leave it out when met is false.", {
          field: "metOn",
        });
      if (metOn && metOn.slice(0, 4) !== String(input.year))
        throw badInput(`metOn must lie in ${input.year}, the year assessed.`, { field: "metOn" });
      const values = { met: input.met, metOn, evidence: text(input.evidence, "evidence", 5000, false) };

      const repository = scope.manager.getRepository(NtmCriterionStatus);
      const before = await repository.findOneBy({
        unitId: unit.id,
        year: input.year,
        criterionId: criterion.id,
      });
      let after: NtmCriterionStatus;
      if (before) {
        await repository.update({ id: before.id }, values);
        after = await repository.findOneByOrFail({ id: before.id });
      } else {
        try {
          after = await repository.save(
            repository.create({ unitId: unit.id, year: input.year, criterionId: criterion.id, ...values }),
          );
        } catch (error) {
          // The unique (unit, year, criterion) index: a concurrent first assessment committed first.
          if (isDuplicateKey(error))
            throw new ApiError(
              ErrorCode.VERSION_CONFLICT,
              "This criterion was assessed by someone else at the same moment; reload and try again.",
            );
          throw error;
        }
      }
      await countNtmCriterion(scope.manager, unit, input.year, before?.met ?? null, after.met);
      await scope.record({
        action: "NTM_CRITERION_SET",
        entityType: "NtmCriterionStatus",
        entityId: after.id,
        unit,
        before: before ? { ...snapshot(before), criterionNumber: criterion.number } : null,
        after: { ...snapshot(after), criterionNumber: criterion.number },
      });
      return after;
    },
  );
}

function alreadyRecognised(unit: OrgUnit, existing: NtmRecognition | null): ApiError {
  return existing
    ? new ApiError(
        ErrorCode.NTM_ALREADY_RECOGNISED,
        `${unit.name} was already recognised by decision ${existing.decisionNumber} of ${existing.decidedOn}.`,
        { unitCode: unit.code, decisionNumber: existing.decisionNumber, decidedOn: existing.decidedOn },
      )
    : new ApiError(ErrorCode.NTM_ALREADY_RECOGNISED, `${unit.name} was recognised meanwhile.`, {
        unitCode: unit.code,
      });
}

/** Numbers of the criteria the commune does not meet in the year, in order. */
async function missingCriteria(manager: EntityManager, unitId: number, year: number): Promise<number[]> {
  const criteria = await manager.getRepository(NtmCriterion).find({ order: { number: "ASC" } });
  const met = await manager.getRepository(NtmCriterionStatus).findBy({ unitId, year, met: true });
  const metIds = new Set(met.map((s) => s.criterionId));
  return criteria.filter((c) => !metIds.has(c.id)).map((c) => c.number);
}

/** Communes (kind COMMUNE, existing on the day) under the district without a recognition dated on or before it. */
async function unrecognisedCommunes(
  manager: EntityManager,
  district: OrgUnit,
  day: string,
): Promise<{ code: string; name: string }[]> {
  const rows: { code: string; name: string }[] = await manager
    .getRepository(OrgUnit)
    .createQueryBuilder("u")
    .select(["u.code AS code", "u.name AS name"])
    .where("u.kind = :kind", { kind: UnitKind.COMMUNE })
    .andWhere("u.path > :lo AND u.path < :hi", { lo: district.path, hi: subtreeUpperBound(district.path) })
    .andWhere("u.validFrom <= :day AND (u.validTo IS NULL OR u.validTo >= :day)", { day })
    .andWhere("NOT EXISTS (SELECT 1 FROM ntm_recognition r WHERE r.unit_id = u.id AND r.decided_on <= :day)")
    .orderBy("u.code")
    .getRawMany();
  return rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
}

export function recognizeNtm(
  ctx: Context,
  input: RecognizeNtmInput,
  idempotencyKey?: string | null,
): Promise<NtmRecognition> {
  return runMutation(
    ctx,
    { name: "recognizeNtm", entity: NtmRecognition, entityType: "NtmRecognition", input, idempotencyKey },
    async (scope) => {
      requireRole(ctx, Role.ADMIN, Role.COMMITTEE);
      const unit = await resolveUnitRef(ctx, input.unit);
      requireAbove(scope.viewer, unit);
      if (unit.kind !== UnitKind.COMMUNE && unit.kind !== UnitKind.RURAL_DISTRICT)
        throw notACommune(unit, "a commune (xã) or a rural district (huyện)");
      const decisionNumber = text(input.decisionNumber, "decisionNumber", 48, true)!;
      const decidedOn = toDateString(input.decidedOn);
      const year = Number(decidedOn.slice(0, 4));
      yearPeriod(year);

      const repository = scope.manager.getRepository(NtmRecognition);
      const existing = await repository.findOneBy({ unitId: unit.id });
      if (existing) throw alreadyRecognised(unit, existing);

      if (unit.kind === UnitKind.COMMUNE) {
        const missing = await missingCriteria(scope.manager, unit.id, year);
        if (missing.length > 0)
          throw new ApiError(
            ErrorCode.NTM_CRITERIA_NOT_MET,
            `${unit.name} does not meet ${missing.length} of the NTM criteria in ${year}: ${missing.join(", ")}.`,
            { unitCode: unit.code, year, missingCriteria: missing },
          );
      } else {
        const missing = await unrecognisedCommunes(scope.manager, unit, decidedOn);
        if (missing.length > 0)
          throw new ApiError(
            ErrorCode.NTM_COMMUNES_NOT_RECOGNISED,
            `${missing.length} communes of ${unit.name} are not recognised by ${decidedOn}: ${missing
              .map((c) => c.name)
              .join(", ")}.`,
            { unitCode: unit.code, missingCommunes: missing },
          );
      }

      await countNtmRecognition(scope.manager, unit, year);
      let recognition: NtmRecognition;
      try {
        recognition = await repository.save(
          repository.create({ unitId: unit.id, decisionNumber, decidedOn, year }),
        );
      } catch (error) {
        // The unique index on unit_id: a concurrent recognition committed first.
        if (isDuplicateKey(error)) throw alreadyRecognised(unit, null);
        throw error;
      }
      await scope.record({
        action: "NTM_RECOGNISED",
        entityType: "NtmRecognition",
        entityId: recognition.id,
        unit,
        before: null,
        after: snapshot(recognition),
      });
      return recognition;
    },
  );
}
