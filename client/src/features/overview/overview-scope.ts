import type { UnitKind } from "../../apollo/schema-types";
import type { MessageKey } from "../../i18n/translate";

interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
}

/**
 * The unit the overview opens on: the signed-in user's own unit (their figures are cut to it anyway), the
 * city for anonymous callers and for users of the city itself.
 */
export function defaultOverviewUnit(viewerUnitCode: string | null | undefined, cityCode: string): string {
  return viewerUnitCode ?? cityCode;
}

/** What the overview may switch between: the city and the user's own unit, when that is not the city. */
export function overviewScopes(
  viewerUnit: Unit | null | undefined,
  cityCode: string,
): { city: string; own: Unit } | null {
  if (!viewerUnit || viewerUnit.code === cityCode) return null;
  return { city: cityCode, own: viewerUnit };
}

/** How much of the asked unit the figures about people's work cover, from `summary.coveredUnit`. */
export type Coverage = { kind: "full" } | { kind: "partial"; unit: Unit } | { kind: "none" };

export function coverageOf(unitCode: string, coveredUnit: Unit | null): Coverage {
  if (!coveredUnit) return { kind: "none" };
  return coveredUnit.code === unitCode ? { kind: "full" } : { kind: "partial", unit: coveredUnit };
}

/** The title of the table of units directly below a unit of this kind. */
export function childrenTitleKey(kind: UnitKind): MessageKey {
  switch (kind) {
    case "CITY":
      return "overview.children.districts";
    case "URBAN_DISTRICT":
    case "RURAL_DISTRICT":
      return "overview.children.communes";
    case "WARD":
    case "COMMUNE":
    case "TOWNSHIP":
      return "overview.children.cells";
    default:
      return "overview.children.other";
  }
}
