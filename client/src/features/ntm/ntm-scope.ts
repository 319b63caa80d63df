import type { UnitKind } from "../../gql/graphql";

/**
 * The district the NTM page opens on: the user's own district when they belong to one (their unit is the
 * district or lies below it: codes of units below a district start with its code and a dot), else the first
 * rural district, else the first district.
 */
export function defaultDistrict(
  districts: readonly { code: string; kind: UnitKind }[],
  userUnitCode: string | undefined,
): string | null {
  const own = userUnitCode
    ? districts.find((d) => userUnitCode === d.code || userUnitCode.startsWith(`${d.code}.`))
    : undefined;
  return (own ?? districts.find((d) => d.kind === "RURAL_DISTRICT") ?? districts[0])?.code ?? null;
}
