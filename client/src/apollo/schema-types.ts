/**
 * Enum values of the API schema (schema/schema.graphql) that the client names. `schema-types.test.ts`
 * checks these lists against the schema, so a new value on the server fails the client's tests.
 */
export const UNIT_KINDS = [
  "CITY",
  "URBAN_DISTRICT",
  "RURAL_DISTRICT",
  "DIRECT_COMMITTEE",
  "WARD",
  "COMMUNE",
  "TOWNSHIP",
  "HAMLET_CELL",
  "AREA_CELL",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** In lifecycle order: registered → reported → confirmed | rejected; withdrawn before reporting. */
export const PLEDGE_STATUSES = ["REGISTERED", "REPORTED", "CONFIRMED", "REJECTED", "WITHDRAWN"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** What a signed-in user may do, over the subtree of their unit. */
export const ROLES = ["ADMIN", "COMMITTEE", "MEMBER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];
