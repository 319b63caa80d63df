import { gql, type TypedDocumentNode } from "@apollo/client";

export type UnitGrade = "CLEAN_STRONG_EXEMPLARY" | "CLEAN_STRONG" | "COMPLETED_WELL" | "COMPLETED" | "WEAK";

/** Best first, as the grades are announced. */
export const UNIT_GRADES: readonly UnitGrade[] = [
  "CLEAN_STRONG_EXEMPLARY",
  "CLEAN_STRONG",
  "COMPLETED_WELL",
  "COMPLETED",
  "WEAK",
];

export interface UnitGradeData {
  unitEvaluations: {
    nodes: { id: string; year: number; grade: UnitGrade; unit: { id: string; code: string } }[];
  };
}

/** The grades of a unit's subtree for a year; the page picks the unit's own. */
export const UNIT_GRADE_QUERY: TypedDocumentNode<UnitGradeData, { code: string; year: number }> = gql`
  query UnitGrade($code: String!, $year: Int!) {
    unitEvaluations(filter: { under: { code: $code }, year: $year }, first: 100) {
      nodes {
        id
        year
        grade
        unit {
          id
          code
        }
      }
    }
  }
`;

export const SET_UNIT_GRADE_MUTATION: TypedDocumentNode<
  { setUnitGrade: { id: string; grade: UnitGrade; year: number } },
  { input: { unit: { code: string }; year: number; grade: UnitGrade }; idempotencyKey?: string }
> = gql`
  mutation SetUnitGrade($input: SetUnitGradeInput!, $idempotencyKey: String) {
    setUnitGrade(input: $input, idempotencyKey: $idempotencyKey) {
      id
      grade
      year
    }
  }
`;
