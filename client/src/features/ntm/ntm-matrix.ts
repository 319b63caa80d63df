import type { Dayjs } from "dayjs";
import type {
  NtmMatrixQuery,
  RecognizeNtmInput,
  SetNtmCriterionStatusInput,
  UnitKind,
} from "../../gql/graphql";
import { translate } from "../../i18n/translate";
import { exportedOn, type SheetSpec } from "../exports/workbook";

export const CRITERIA_COUNT = 19;

type Child = NtmMatrixQuery["orgUnit"]["children"][number];
type Status = Child["ntmStatuses"][number];
type Recognition = NonNullable<Child["ntmRecognition"]>;

/** A commune's row of the matrix: criteria 1–19 met (true), not met (false) or not assessed (null). */
export interface MatrixRow {
  key: string;
  code: string;
  name: string;
  kind: UnitKind;
  met: (boolean | null)[];
  statuses: (Status | null)[];
  metCount: number;
  recognition: Recognition | null;
}

/**
 * The district's communes (xã: the NTM criteria are for rural communes, not wards or townships) against the
 * 19 criteria of a year, in the order the API lists them (Vietnamese name order).
 */
export function ntmMatrix(children: readonly Child[]): MatrixRow[] {
  return children
    .filter((child) => child.kind === "COMMUNE")
    .map((child) => {
      const statuses: (Status | null)[] = Array.from({ length: CRITERIA_COUNT }, () => null);
      for (const status of child.ntmStatuses) {
        const index = status.criterion.number - 1;
        if (index >= 0 && index < CRITERIA_COUNT) statuses[index] = status;
      }
      return {
        key: child.code,
        code: child.code,
        name: child.name,
        kind: child.kind,
        statuses,
        met: statuses.map((status) => (status ? status.met : null)),
        metCount: child.ntmCriteriaMet,
        recognition: child.ntmRecognition ?? null,
      };
    });
}

/** Communes recognised by the end of `year`, of all communes in the matrix. */
export function recognisedCount(
  rows: readonly MatrixRow[],
  year: number,
): { recognised: number; total: number } {
  return {
    recognised: rows.filter((row) => row.recognition && row.recognition.year <= year).length,
    total: rows.length,
  };
}

/** A commune may be recognised once it meets all 19 criteria in the year and has no decision yet. */
export function canRecogniseCommune(row: MatrixRow): boolean {
  return !row.recognition && row.metCount >= CRITERIA_COUNT;
}

/** A rural district may be recognised once every one of its xã is, and it has no decision yet. */
export function canRecogniseDistrict(
  district: { kind: UnitKind; ntmRecognition: unknown },
  rows: readonly MatrixRow[],
): boolean {
  return (
    district.kind === "RURAL_DISTRICT" &&
    !district.ntmRecognition &&
    rows.length > 0 &&
    rows.every((row) => row.recognition !== null)
  );
}

/**
 * What the signed-in user may change here, as the server decides it (ADMIN or COMMITTEE): assess a commune's
 * criteria when their unit covers the commune, recognise a commune when their unit is strictly above it (the
 * district or higher), recognise the district when their unit is above the district.
 */
export function ntmPermissions(
  user: { roles: readonly string[]; unitCode: string } | null,
  district: { code: string; ancestors: readonly { code: string }[] },
): { assess: (communeCode: string) => boolean; recogniseCommune: boolean; recogniseDistrict: boolean } {
  const manages = user !== null && (user.roles.includes("ADMIN") || user.roles.includes("COMMITTEE"));
  const aboveDistrict = manages && district.ancestors.some((a) => a.code === user.unitCode);
  const atOrAboveDistrict = aboveDistrict || (manages && user.unitCode === district.code);
  return {
    assess: (communeCode) => atOrAboveDistrict || (manages && user.unitCode === communeCode),
    recogniseCommune: atOrAboveDistrict,
    recogniseDistrict: aboveDistrict,
  };
}

export interface CriterionFormValues {
  criterionNumber: number;
  met: boolean;
  metOn?: Dayjs | null;
  evidence?: string | null;
}

export function toSetNtmCriterionStatusInput(
  communeCode: string,
  year: number,
  values: CriterionFormValues,
): SetNtmCriterionStatusInput {
  const input: SetNtmCriterionStatusInput = {
    unit: { code: communeCode },
    year,
    criterionNumber: values.criterionNumber,
    met: values.met,
  };
  // A date only goes with "met" (the server refuses it otherwise).
  if (values.met && values.metOn) input.metOn = values.metOn.format("YYYY-MM-DD");
  const evidence = values.evidence?.trim();
  if (evidence) input.evidence = evidence;
  return input;
}

export interface RecognitionFormValues {
  decisionNumber: string;
  decidedOn: Dayjs;
}

export function toRecognizeNtmInput(unitCode: string, values: RecognitionFormValues): RecognizeNtmInput {
  return {
    unit: { code: unitCode },
    decisionNumber: values.decisionNumber.trim(),
    decidedOn: values.decidedOn.format("YYYY-MM-DD"),
  };
}

/** The matrix as the sheet reported upward: one row per xã, "Đạt" / "Chưa đạt" per criterion, in Vietnamese. */
export function ntmMatrixSheet(
  district: { code: string; name: string; kind: UnitKind },
  year: number,
  criteria: readonly { number: number; name: string }[],
  rows: readonly MatrixRow[],
  now: Date = new Date(),
): SheetSpec {
  const ordered = [...criteria].sort((a, b) => a.number - b.number);
  const districtTitle = translate("vi", `unitTitle.${district.kind}`, { name: district.name });
  return {
    name: `NTM ${year}`,
    title: `Kết quả thực hiện Bộ tiêu chí quốc gia về xã nông thôn mới năm ${year} — ${districtTitle}`,
    subtitle: exportedOn(now),
    columns: [
      { header: "STT", width: 6, type: "number" },
      { header: "Xã", width: 20 },
      { header: "Mã đơn vị", width: 10 },
      ...ordered.map((criterion) => ({ header: `${criterion.number}. ${criterion.name}`, width: 12 })),
      { header: "Số tiêu chí đạt", width: 10, type: "number" as const },
      { header: "Quyết định công nhận", width: 22 },
      { header: "Ngày công nhận", width: 14, type: "date" as const },
    ],
    rows: rows.map((row, index) => [
      index + 1,
      row.name,
      row.code,
      ...ordered.map((criterion) => {
        const met = row.met[criterion.number - 1];
        return met === null || met === undefined ? "Chưa đánh giá" : met ? "Đạt" : "Chưa đạt";
      }),
      row.metCount,
      row.recognition?.decisionNumber ?? null,
      row.recognition?.decidedOn ?? null,
    ]),
  };
}

export interface RecognitionEntry {
  id: string;
  decisionNumber: string;
  decidedOn: string;
  year: number;
  unit: { code: string; name: string; kind: UnitKind };
}

/** The recognition decisions of a district and its communes, latest first. */
export function recognitionsOf(
  district: { code: string; name: string; kind: UnitKind; ntmRecognition: Recognition | null },
  rows: readonly MatrixRow[],
): RecognitionEntry[] {
  const entries: RecognitionEntry[] = rows.flatMap((row) =>
    row.recognition ? [{ ...row.recognition, unit: { code: row.code, name: row.name, kind: row.kind } }] : [],
  );
  if (district.ntmRecognition) {
    const { code, name, kind } = district;
    entries.push({ ...district.ntmRecognition, unit: { code, name, kind } });
  }
  return entries.sort(
    (a, b) => b.decidedOn.localeCompare(a.decidedOn) || a.unit.code.localeCompare(b.unit.code),
  );
}
