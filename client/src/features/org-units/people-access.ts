import type { UnitKind } from "../../gql/graphql";

interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
}

/**
 * What the people part of a unit's page (members, pledges, visits, concerns) can show:
 * - `anonymous`: nothing; signing in shows it;
 * - `full`: the unit is in the user's subtree;
 * - `partial`: the user's own unit lies below this one, so this unit's own lists are empty for them;
 * - `outside`: the unit is outside the user's subtree.
 * From `summary.coveredUnit`, which the server cuts to what the user may see.
 */
export type PeopleAccess =
  { kind: "anonymous" } | { kind: "full" } | { kind: "partial"; own: Unit } | { kind: "outside" };

export function peopleAccess(
  signedIn: boolean,
  unitCode: string,
  coveredUnit: Unit | null | undefined,
): PeopleAccess {
  if (!signedIn) return { kind: "anonymous" };
  if (!coveredUnit) return { kind: "outside" };
  return coveredUnit.code === unitCode ? { kind: "full" } : { kind: "partial", own: coveredUnit };
}
