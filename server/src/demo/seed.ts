import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Assignment } from "../features/assignments/assignment.entity";
import { Concern } from "../features/delegations/concern.entity";
import { Delegation } from "../features/delegations/delegation.entity";
import { Directive } from "../features/directives/directive.entity";
import { Evaluation } from "../features/evaluations/evaluation.entity";
import { UnitEvaluation } from "../features/evaluations/unit-evaluation.entity";
import { Event } from "../features/events/event.entity";
import { Member } from "../features/members/member.entity";
import { Position } from "../features/members/position.entity";
import { Term } from "../features/members/term.entity";
import { NtmCriterionStatus } from "../features/ntm/ntm-criterion-status.entity";
import { NtmCriterion } from "../features/ntm/ntm-criterion.entity";
import { NtmRecognition } from "../features/ntm/ntm-recognition.entity";
import { OrgUnit } from "../features/org-units/org-unit.entity";
import { Pledge } from "../features/pledges/pledge.entity";
import { Visit } from "../features/visits/visit.entity";
import { hashPassword } from "../core/auth/password";
import { User } from "../features/users/user.entity";
import { rebuildCounters } from "../features/counters/counters.rebuild";
import { buildCanThoDemo, DEMO_PASSWORD, DEMO_SEED, type DemoData } from "./can-tho";

const CHUNK = 400;

async function insertAll(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: ObjectLiteral[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute();
  }
}

export interface SeedReport {
  units: number;
  members: number;
  assignments: number;
  pledges: number;
  visits: number;
}

/** Loads the Cần Thơ 2016 demo data in one transaction, with one event row that says so. */
export async function seed(db: DataSource, seedValue = DEMO_SEED): Promise<SeedReport> {
  const data: DemoData = buildCanThoDemo(seedValue);
  await db.transaction(async (manager) => {
    await insertAll(manager, OrgUnit, data.orgUnits);
    await insertAll(manager, Term, data.terms);
    await insertAll(manager, NtmCriterion, data.ntmCriteria);
    await insertAll(manager, Member, data.members);
    await insertAll(manager, Position, data.positions);
    await insertAll(manager, Directive, data.directives);
    await insertAll(manager, Assignment, data.assignments);
    await insertAll(manager, NtmCriterionStatus, data.ntmStatuses);
    await insertAll(manager, NtmRecognition, data.ntmRecognitions);
    await insertAll(manager, Pledge, data.pledges);
    await insertAll(manager, Visit, data.visits);
    await insertAll(manager, Evaluation, data.evaluations);
    await insertAll(manager, UnitEvaluation, data.unitEvaluations);
    await insertAll(manager, Delegation, data.delegations);
    if (data.delegationMembers.length) {
      await manager
        .createQueryBuilder()
        .insert()
        .into("delegation_member", ["delegation_id", "member_id"])
        .values(data.delegationMembers)
        .execute();
    }
    await insertAll(manager, Concern, data.concerns);
    const hashes = await Promise.all(data.users.map(() => hashPassword(DEMO_PASSWORD)));
    await insertAll(
      manager,
      User,
      data.users.map((u, i) => ({ ...u, passwordHash: hashes[i], active: true })),
    );
    const root = data.orgUnits[0];
    const report = {
      units: data.orgUnits.length,
      members: data.members.length,
      assignments: data.assignments.length,
      pledges: data.pledges.length,
      visits: data.visits.length,
    };
    await insertAll(manager, Event, [
      {
        actorUserId: null,
        actorLabel: "system",
        action: "DEMO_DATA_LOADED",
        entityType: "OrgUnit",
        entityId: root.id,
        unitId: root.id,
        unitPath: root.path,
        before: null,
        after: { seed: seedValue, ...report },
      },
    ]);
  });
  await rebuildCounters(db);
  return {
    units: data.orgUnits.length,
    members: data.members.length,
    assignments: data.assignments.length,
    pledges: data.pledges.length,
    visits: data.visits.length,
  };
}

/** Seeds only an empty database (no units yet); returns null when there was data already. */
export async function seedIfEmpty(db: DataSource): Promise<SeedReport | null> {
  const count = await db.getRepository(OrgUnit).count();
  return count === 0 ? seed(db) : null;
}
