import type { Dayjs } from "dayjs";
import type {
  MyPledgeFieldsFragment,
  PledgeCategory,
  PledgeStatus,
  RecordVisitInput,
  RegisterPledgeInput,
  ReportPledgeInput,
  UpdatePledgeInput,
  VisitKind,
} from "../../gql/graphql";

/** What the member may do with a pledge in each status (the server's rules, to offer only the allowed). */
export function pledgeActions(status: PledgeStatus): { edit: boolean; withdraw: boolean; report: boolean } {
  return {
    edit: status === "REGISTERED" || status === "REJECTED",
    withdraw: status === "REGISTERED",
    report: status === "REGISTERED" || status === "REJECTED",
  };
}

export interface PledgeFormValues {
  assignment?: string;
  title: string;
  category: PledgeCategory;
  ntmCriterionNumber?: number | null;
  targetQuantity?: number | null;
  targetUnit?: string | null;
  dueOn?: Dayjs | null;
}

export interface ReportFormValues {
  reportNote: string;
  achievedQuantity?: number | null;
  evidenceNote?: string | null;
  evidenceLinks?: string[];
}

export interface VisitFormValues {
  assignment: string;
  visitedOn: Dayjs;
  kind: VisitKind;
  note?: string | null;
}

const DAY = "YYYY-MM-DD";

/** Trimmed text, or null when nothing is left. */
const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};
const number = (value: number | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
const day = (value: Dayjs | null | undefined): string | null => (value ? value.format(DAY) : null);

export function toRegisterPledgeInput(values: PledgeFormValues, year: number): RegisterPledgeInput {
  if (!values.assignment) throw new Error("a pledge is registered under an assignment");
  const input: RegisterPledgeInput = {
    assignment: values.assignment,
    year,
    title: text(values.title) ?? "",
    category: values.category,
  };
  const criterion = number(values.ntmCriterionNumber);
  const target = number(values.targetQuantity);
  const unit = text(values.targetUnit);
  const dueOn = day(values.dueOn);
  if (criterion !== null) input.ntmCriterionNumber = criterion;
  if (target !== null) input.targetQuantity = target;
  if (unit !== null) input.targetUnit = unit;
  if (dueOn !== null) input.dueOn = dueOn;
  return input;
}

/** The form's values for editing a pledge. */
export function pledgeFormValues(
  pledge: MyPledgeFieldsFragment,
  parseDay: (day: string) => Dayjs,
): PledgeFormValues {
  return {
    title: pledge.title,
    category: pledge.category,
    ntmCriterionNumber: pledge.ntmCriterion?.number ?? null,
    targetQuantity: pledge.targetQuantity,
    targetUnit: pledge.targetUnit,
    dueOn: pledge.dueOn ? parseDay(pledge.dueOn) : null,
  };
}

/**
 * Only the fields that changed (null clears one), with the version the member loaded so a change made
 * meanwhile is refused with VERSION_CONFLICT instead of overwritten; null when nothing changed.
 */
export function toUpdatePledgeInput(
  pledge: MyPledgeFieldsFragment,
  values: PledgeFormValues,
): UpdatePledgeInput | null {
  const input: UpdatePledgeInput = { id: pledge.id, expectedVersion: pledge.version };
  let changed = false;
  const title = text(values.title);
  if (title !== null && title !== pledge.title) {
    input.title = title;
    changed = true;
  }
  if (values.category !== pledge.category) {
    input.category = values.category;
    changed = true;
  }
  const criterion = number(values.ntmCriterionNumber);
  if (criterion !== (pledge.ntmCriterion?.number ?? null)) {
    input.ntmCriterionNumber = criterion;
    changed = true;
  }
  const target = number(values.targetQuantity);
  if (target !== pledge.targetQuantity) {
    input.targetQuantity = target;
    changed = true;
  }
  const unit = text(values.targetUnit);
  if (unit !== pledge.targetUnit) {
    input.targetUnit = unit;
    changed = true;
  }
  const dueOn = day(values.dueOn);
  if (dueOn !== pledge.dueOn) {
    input.dueOn = dueOn;
    changed = true;
  }
  return changed ? input : null;
}

/** An evidence link the API accepts: an http or https URL. */
export function isEvidenceLink(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export const MAX_EVIDENCE_LINKS = 10;

export function toReportPledgeInput(
  pledge: MyPledgeFieldsFragment,
  values: ReportFormValues,
): ReportPledgeInput {
  const input: ReportPledgeInput = {
    id: pledge.id,
    expectedVersion: pledge.version,
    reportNote: text(values.reportNote) ?? "",
  };
  const achieved = number(values.achievedQuantity);
  const evidence = text(values.evidenceNote);
  const links = (values.evidenceLinks ?? []).map((link) => link.trim()).filter(Boolean);
  if (achieved !== null) input.achievedQuantity = achieved;
  if (evidence !== null) input.evidenceNote = evidence;
  if (links.length > 0) input.evidenceLinks = [...new Set(links)];
  return input;
}

/** The report form prefilled from an earlier (rejected) report, so the member corrects rather than retypes. */
export function reportFormValues(pledge: MyPledgeFieldsFragment): ReportFormValues {
  return {
    reportNote: pledge.reportNote ?? "",
    achievedQuantity: pledge.achievedQuantity,
    evidenceNote: pledge.evidenceNote,
    evidenceLinks: pledge.evidenceLinks,
  };
}

export function toRecordVisitInput(values: VisitFormValues): RecordVisitInput {
  const input: RecordVisitInput = {
    assignment: values.assignment,
    visitedOn: values.visitedOn.format(DAY),
    kind: values.kind,
  };
  const note = text(values.note);
  if (note !== null) input.note = note;
  return input;
}

/**
 * Whether a day can be a visit under an assignment: within it and not in the future (the server refuses the
 * rest with VISIT_OUT_OF_RANGE). Days are compared as `YYYY-MM-DD` text.
 */
export function isVisitDayAllowed(
  dayText: string,
  assignment: { startsOn: string; endsOn: string | null },
  today: string,
): boolean {
  return (
    dayText <= today && dayText >= assignment.startsOn && (!assignment.endsOn || dayText <= assignment.endsOn)
  );
}
