import { In, type EntityManager } from "typeorm";
import { subtreeUpperBound } from "../org-units/org-unit.entity";
import { PledgeStatus } from "../pledges/pledge.enums";
import { Evaluation } from "./evaluation.entity";
import type { Grade } from "./evaluation.enums";
import { gradeInputsOf, type AssessedAssignment, type PledgeCounts } from "./grade-inputs";
import type { GradeInputs } from "./grade-rule";

/**
 * The batched reads behind proposed grades: a handful of statements per 500 members, never one per member.
 * Raw SQL with `?` placeholders (both drivers take them) and snake_case column names.
 */

const CHUNK = 500;

export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const marks = (items: readonly unknown[]) => items.map(() => "?").join(", ");

/** A member with an assignment running in the year to a unit in a subtree, with their home and evaluation. */
export interface AssignedMember {
  memberId: number;
  homeUnitId: number;
  homePath: string;
  proposedGrade: Grade | null;
  finalGrade: Grade | null;
}

/** SQL (and its parameters) for the ids of members with an assignment running in `year` under `path`. */
export function assignedMemberIdsSql(path: string, year: number): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT a.member_id FROM assignment a JOIN org_unit u ON u.id = a.unit_id
      WHERE u.path >= ? AND u.path < ? AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)`,
    params: [path, subtreeUpperBound(path), `${year}-12-31`, `${year}-01-01`],
  };
}

/** Every member assigned in the subtree in the year, in id order: one statement. */
export async function assignedMembers(
  manager: EntityManager,
  path: string,
  year: number,
): Promise<AssignedMember[]> {
  const assigned = assignedMemberIdsSql(path, year);
  const rows: {
    member_id: number | string;
    home_unit_id: number | string;
    home_path: string;
    proposed_grade: Grade | null;
    final_grade: Grade | null;
  }[] = await manager.query(
    `SELECT m.id AS member_id, m.home_unit_id AS home_unit_id, h.path AS home_path,
        e.proposed_grade AS proposed_grade, e.final_grade AS final_grade
     FROM member m
     JOIN org_unit h ON h.id = m.home_unit_id
     LEFT JOIN evaluation e ON e.member_id = m.id AND e.year = ?
     WHERE m.id IN (${assigned.sql})
     ORDER BY m.id`,
    [year, ...assigned.params],
  );
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    homeUnitId: Number(r.home_unit_id),
    homePath: r.home_path,
    proposedGrade: r.proposed_grade,
    finalGrade: r.final_grade,
  }));
}

/**
 * Pledge counts per member for the year (withdrawn ones left out). A pledge counts as rejected when it is
 * REJECTED now, has a rejection reason on record, or has a PLEDGE_REJECTED event: a confirmation after a new
 * report clears the reason, the event stays.
 */
async function pledgeCounts(
  manager: EntityManager,
  memberIds: readonly number[],
  year: number,
): Promise<Map<number, PledgeCounts>> {
  const rows: {
    member_id: number | string;
    pledges: number | string;
    confirmed: number | string | null;
    rejected: number | string | null;
  }[] = await manager.query(
    `SELECT p.member_id AS member_id, COUNT(*) AS pledges,
        SUM(CASE WHEN p.status = ? THEN 1 ELSE 0 END) AS confirmed,
        SUM(CASE WHEN p.status = ? OR p.rejection_reason IS NOT NULL OR EXISTS (
          SELECT 1 FROM event ev WHERE ev.entity_type = 'Pledge' AND ev.entity_id = p.id AND ev.action = 'PLEDGE_REJECTED'
        ) THEN 1 ELSE 0 END) AS rejected
     FROM pledge p
     WHERE p.year = ? AND p.status <> ? AND p.member_id IN (${marks(memberIds)})
     GROUP BY p.member_id`,
    [PledgeStatus.CONFIRMED, PledgeStatus.REJECTED, year, PledgeStatus.WITHDRAWN, ...memberIds],
  );
  return new Map(
    rows.map((r) => [
      Number(r.member_id),
      { pledges: Number(r.pledges), confirmed: Number(r.confirmed ?? 0), rejected: Number(r.rejected ?? 0) },
    ]),
  );
}

/** The members' assignments running in the year under a directive with a monthly visit minimum. */
async function assessedAssignments(
  manager: EntityManager,
  memberIds: readonly number[],
  year: number,
): Promise<AssessedAssignment[]> {
  const rows: {
    id: number | string;
    member_id: number | string;
    starts_on: string | Date;
    ends_on: string | Date | null;
    min_visits: number | string;
  }[] = await manager.query(
    `SELECT a.id AS id, a.member_id AS member_id, a.starts_on AS starts_on, a.ends_on AS ends_on,
        d.min_visits_per_month AS min_visits
     FROM assignment a JOIN directive d ON d.id = a.directive_id
     WHERE d.min_visits_per_month IS NOT NULL AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on >= ?)
       AND a.member_id IN (${marks(memberIds)})`,
    [`${year}-12-31`, `${year}-01-01`, ...memberIds],
  );
  const day = (value: string | Date) =>
    typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return rows.map((r) => ({
    id: Number(r.id),
    memberId: Number(r.member_id),
    startsOn: day(r.starts_on),
    endsOn: r.ends_on == null ? null : day(r.ends_on),
    minVisitsPerMonth: Number(r.min_visits),
  }));
}

/** Visits per assessed assignment and month of the year: assignment id → month (1–12) → visits. */
async function visitsByMonth(
  manager: EntityManager,
  memberIds: readonly number[],
  year: number,
): Promise<Map<number, Map<number, number>>> {
  // SUBSTR of a DATE is its `YYYY-MM-DD` text on both databases: characters 6–7 are the month.
  const rows: { assignment_id: number | string; month: string | number; visits: number | string }[] =
    await manager.query(
      `SELECT v.assignment_id AS assignment_id, SUBSTR(v.visited_on, 6, 2) AS month, COUNT(*) AS visits
       FROM visit v
       JOIN assignment a ON a.id = v.assignment_id
       JOIN directive d ON d.id = a.directive_id
       WHERE d.min_visits_per_month IS NOT NULL AND v.member_id IN (${marks(memberIds)})
         AND v.visited_on >= ? AND v.visited_on <= ?
       GROUP BY v.assignment_id, SUBSTR(v.visited_on, 6, 2)`,
      [...memberIds, `${year}-01-01`, `${year}-12-31`],
    );
  const visits = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const id = Number(r.assignment_id);
    let months = visits.get(id);
    if (!months) visits.set(id, (months = new Map()));
    months.set(Number(r.month), Number(r.visits));
  }
  return visits;
}

/** The proposed-grade rule's inputs for each member: three statements per 500 members. */
export async function readGradeInputs(
  manager: EntityManager,
  memberIds: readonly number[],
  year: number,
  lastMonth: number,
): Promise<Map<number, GradeInputs>> {
  const inputs = new Map<number, GradeInputs>();
  for (const ids of chunked(memberIds)) {
    const [pledges, assignments, visits] = [
      await pledgeCounts(manager, ids, year),
      await assessedAssignments(manager, ids, year),
      await visitsByMonth(manager, ids, year),
    ];
    for (const [id, value] of gradeInputsOf(ids, year, lastMonth, pledges, assignments, visits))
      inputs.set(id, value);
  }
  return inputs;
}

/** Evaluations of the members for the year, by member id: one statement per 500 members. */
export async function evaluationsOf(
  manager: EntityManager,
  memberIds: readonly number[],
  year: number,
): Promise<Map<number, Evaluation>> {
  const found = new Map<number, Evaluation>();
  for (const ids of chunked(memberIds)) {
    const rows = await manager.getRepository(Evaluation).findBy({ year, memberId: In(ids) });
    for (const row of rows) found.set(row.memberId, row);
  }
  return found;
}
