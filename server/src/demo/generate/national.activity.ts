import { UnitKind } from "../../features/org-units/org-unit.enums";
import { PledgeStatus } from "../../features/pledges/pledge.enums";
import { VisitKind } from "../../features/visits/visit.entity";
import { LAST_MOMENT, TODAY, type GenUnit, type NationalContext } from "./national.context";
import { RURAL_TEMPLATES, URBAN_TEMPLATES } from "../pledge-templates";
import type { PledgeRow, Rework } from "./pledge-store";
import { EVIDENCE_NOTE, REJECTION_REASON, reportNoteOf } from "./pledge-store";

/** One assignment and the year its member pledges for: 2015 for the outgoing term, 2016 for the current one. */
export interface ActiveAssignment {
  id: number;
  memberId: number;
  unit: GenUnit;
  year: 2015 | 2016;
}

/** Status mix per year: 2015 is closed (mostly confirmed); 2016 is under way on the demo's "today". */
const STATUS_WEIGHTS: Record<number, Record<PledgeStatus, number>> = {
  2015: { CONFIRMED: 70, REJECTED: 6, REPORTED: 4, REGISTERED: 10, WITHDRAWN: 10 },
  2016: { CONFIRMED: 25, REJECTED: 5, REPORTED: 20, REGISTERED: 44, WITHDRAWN: 6 },
};
/** Pledges per assignment and year: 3.3 on average. */
const PLEDGES_PER_YEAR = { 2: 20, 3: 35, 4: 40, 5: 5 };
/** Share of confirmed pledges whose first report was rejected and reported again. */
const REWORK = 0.05;
const DAY = 86_400_000;
/** The outgoing term's assignments end on 2015-09-30: its 2015 work is reported by then. */
const LAST_REPORT_MONTH = { 2015: 9, 2016: 8 };

const isUrban = (unit: GenUnit) =>
  unit.kind === UnitKind.WARD || unit.kind === UnitKind.AREA_CELL || unit.kind === UnitKind.URBAN_DISTRICT;

export function addPledges(ctx: NationalContext, a: ActiveAssignment): void {
  const { random } = ctx;
  const urban = isUrban(a.unit);
  const count = Number(random.weighted(PLEDGES_PER_YEAR));
  const templates = random.shuffle(urban ? URBAN_TEMPLATES : RURAL_TEMPLATES).slice(0, count);
  const clamp = (t: number) => Math.min(t, LAST_MOMENT);
  const moment = (month: number, day: number) =>
    Date.UTC(a.year, month - 1, day, random.int(7, 16), random.int(0, 59), random.int(0, 59));
  for (const t of templates) {
    const status = random.weighted(STATUS_WEIGHTS[a.year]);
    const quantity = t.min != null ? random.int(t.min, t.max!) : null;
    const title = t.title.replace("{n}", String(quantity));
    const created = moment(1, random.int(5, 28));
    const reported =
      status === PledgeStatus.REPORTED ||
      status === PledgeStatus.CONFIRMED ||
      status === PledgeStatus.REJECTED;
    const decided = status === PledgeStatus.CONFIRMED || status === PledgeStatus.REJECTED;
    const lessThan = (q: number | null) =>
      q == null ? null : Math.max(0, q - random.int(1, Math.max(1, Math.ceil(q / 2))));
    let rework: Rework | null = null;
    let reportedAt: number | null = null;
    if (reported) {
      reportedAt = clamp(moment(random.int(3, LAST_REPORT_MONTH[a.year]), random.int(1, 28)));
      if (status === PledgeStatus.CONFIRMED && random.chance(REWORK)) {
        const first = reportedAt;
        const rejected = clamp(first + random.int(2, 15) * DAY);
        rework = {
          reportedAt: new Date(first),
          rejectedAt: new Date(rejected),
          achievedQuantity: lessThan(quantity),
        };
        reportedAt = clamp(rejected + random.int(3, 20) * DAY);
      }
    }
    const decidedAt = decided && reportedAt != null ? clamp(reportedAt + random.int(2, 20) * DAY) : null;
    const withdrawnAt = status === PledgeStatus.WITHDRAWN ? clamp(created + random.int(5, 60) * DAY) : null;
    const id = ++ctx.ids.pledge;
    const row: PledgeRow = {
      id,
      assignmentId: a.id,
      unitId: a.unit.id,
      memberId: a.memberId,
      year: a.year,
      title,
      category: t.category,
      ntmCriterionId: urban ? null : (t.criterion ?? null),
      targetQuantity: quantity,
      targetUnit: t.unit ?? null,
      dueOn: `${a.year}-12-31`,
      status: status as PledgeStatus,
      achievedQuantity: reported ? (status === PledgeStatus.REJECTED ? lessThan(quantity) : quantity) : null,
      reportNote: reported ? reportNoteOf(title) : null,
      evidenceNote: reported ? EVIDENCE_NOTE : null,
      evidenceLinks: [],
      reportedAt: reportedAt != null ? new Date(reportedAt) : null,
      decidedAt: decidedAt != null ? new Date(decidedAt) : null,
      decidedByUnitId: decided ? a.unit.parentId : null,
      rejectionReason: status === PledgeStatus.REJECTED ? REJECTION_REASON : null,
      version: 1 + (reported ? 1 : 0) + (decided ? 1 : 0) + (withdrawnAt != null ? 1 : 0) + (rework ? 2 : 0),
      createdAt: new Date(created),
      updatedAt: new Date(decidedAt ?? reportedAt ?? withdrawnAt ?? created),
    };
    ctx.writer.add("pledges", row as unknown as Record<string, unknown>);
    ctx.pledges.add(row, rework);
  }
}

const CELL_VISITS = [
  VisitKind.CELL_MEETING,
  VisitKind.CELL_MEETING,
  VisitKind.MOVEMENT,
  VisitKind.WORKING_SESSION,
];
const COMMUNE_VISITS = [VisitKind.WORKING_SESSION, VisitKind.MOVEMENT];
const VISITS_PER_MONTH = { 0: 4, 1: 10, 2: 46, 3: 30, 4: 10 };
const pad = (n: number) => String(n).padStart(2, "0");

/** Visits of a current assignment to a commune or cell in the scale's months of 2016, up to the demo's today. */
export function addVisits(ctx: NationalContext, a: ActiveAssignment): void {
  const { random } = ctx;
  const cell = a.unit.kind === UnitKind.HAMLET_CELL || a.unit.kind === UnitKind.AREA_CELL;
  for (const month of ctx.scale.visitMonths) {
    const monthDays = new Date(Date.UTC(2016, month, 0)).getUTCDate();
    const lastDay = `2016-${pad(month)}` === TODAY.slice(0, 7) ? Number(TODAY.slice(8)) : monthDays;
    const n = Math.min(lastDay, Number(random.weighted(VISITS_PER_MONTH)));
    const days = new Set<number>();
    while (days.size < n) days.add(random.int(1, lastDay));
    for (const day of [...days].sort((x, y) => x - y)) {
      const visitedOn = `2016-${pad(month)}-${pad(day)}`;
      const kind = random.pick(cell ? CELL_VISITS : COMMUNE_VISITS);
      ctx.writer.add("visits", {
        id: ++ctx.ids.visit,
        assignmentId: a.id,
        unitId: a.unit.id,
        memberId: a.memberId,
        visitedOn,
        kind,
        note: kind === VisitKind.CELL_MEETING ? "Dự sinh hoạt chi bộ định kỳ" : null,
        createdAt: new Date(`${visitedOn}T12:00:00Z`),
      });
    }
  }
}
