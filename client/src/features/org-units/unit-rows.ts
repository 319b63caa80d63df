import type { UnitKind } from "../../apollo/schema-types";

export interface UnitRow {
  key: string;
  code: string;
  name: string;
  kind: UnitKind;
  /** Absent (not empty) on leaves, so the table draws no expand button for them. */
  children?: UnitRow[];
}

interface UnitWithChildren {
  code: string;
  name: string;
  kind: UnitKind;
  children?: UnitWithChildren[];
}

/** Rows for Ant Design's tree table, keyed by the unit's public code. */
export function toUnitRows(units: readonly UnitWithChildren[]): UnitRow[] {
  return units.map(({ code, name, kind, children }) => {
    const row: UnitRow = { key: code, code, name, kind };
    if (children && children.length > 0) row.children = toUnitRows(children);
    return row;
  });
}
