import type { EvaluationFieldsFragment, Grade, SetFinalGradeInput, UnitKind } from "../../gql/graphql";
import { translate } from "../../i18n/translate";
import { GRADES } from "../../shared/domain-enums";
import { exportedOn, localDay, type SheetSpec } from "../exports/workbook";

export interface FinalGradeValues {
  grade: Grade;
  note?: string | null;
}

/**
 * The final grade to set; the remarks only when they changed (omitted keeps them, null clears them: the
 * API's rule), so grading without touching the remarks never wipes them.
 */
export function toSetFinalGradeInput(
  evaluation: EvaluationFieldsFragment,
  values: FinalGradeValues,
): SetFinalGradeInput {
  const input: SetFinalGradeInput = {
    member: evaluation.member.id,
    year: evaluation.year,
    grade: values.grade,
  };
  const note = values.note?.trim() || null;
  if (note !== (evaluation.note ?? null)) input.note = note;
  return input;
}

/** How many evaluations have each grade, proposed and final, best grade first. */
export function gradeCounts(
  evaluations: readonly Pick<EvaluationFieldsFragment, "proposedGrade" | "finalGrade">[],
): { grade: Grade; proposed: number; final: number }[] {
  return GRADES.map((grade) => ({
    grade,
    proposed: evaluations.filter((e) => e.proposedGrade === grade).length,
    final: evaluations.filter((e) => e.finalGrade === grade).length,
  }));
}

/** The evaluations table as reported upward, in Vietnamese. */
export function evaluationsSheet(
  unit: { code: string; name: string; kind: UnitKind },
  year: number,
  evaluations: readonly EvaluationFieldsFragment[],
  now: Date = new Date(),
): SheetSpec {
  const grade = (value: Grade | null) => (value ? translate("vi", `grade.${value}`) : null);
  return {
    name: `Xếp loại ${year}`,
    title: `Đánh giá, xếp loại cán bộ phụ trách năm ${year} — ${unitTitle(unit)} (mã ${unit.code})`,
    subtitle: exportedOn(now),
    columns: [
      { header: "STT", width: 6, type: "number" },
      { header: "Họ và tên", width: 26 },
      { header: "Mã cán bộ", width: 12 },
      { header: "Đơn vị công tác", width: 24 },
      { header: "Xếp loại đề xuất", width: 26 },
      { header: "Xếp loại của cấp ủy", width: 26 },
      { header: "Cấp ủy quyết định", width: 24 },
      { header: "Ngày cập nhật", width: 14, type: "date" },
      { header: "Ghi chú", width: 36 },
    ],
    rows: evaluations.map((evaluation, index) => [
      index + 1,
      evaluation.member.fullName,
      evaluation.member.code,
      unitTitle(evaluation.member.homeUnit),
      grade(evaluation.proposedGrade),
      grade(evaluation.finalGrade),
      evaluation.decidedBy ? unitTitle(evaluation.decidedBy) : null,
      localDay(evaluation.updatedAt),
      evaluation.note,
    ]),
  };
}

function unitTitle(unit: { kind: UnitKind; name: string }): string {
  return translate("vi", `unitTitle.${unit.kind}`, { name: unit.name });
}
