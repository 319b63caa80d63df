import type { AssignmentScope, ConcernStatus, Grade, PledgeCategory, VisitKind } from "../gql/graphql";

/**
 * Enum values the forms and tables offer, in the order users read them. `domain-enums.test.ts` checks them
 * against schema/schema.graphql, and the message test that each has a label in both languages.
 */
export const PLEDGE_CATEGORIES = [
  "INFRASTRUCTURE",
  "ECONOMY",
  "EDUCATION",
  "HEALTH",
  "CULTURE",
  "ENVIRONMENT",
  "SOCIAL_WELFARE",
  "SECURITY",
  "PARTY_BUILDING",
  "OTHER",
] as const satisfies readonly PledgeCategory[];

export const VISIT_KINDS = [
  "CELL_MEETING",
  "WORKING_SESSION",
  "MOVEMENT",
] as const satisfies readonly VisitKind[];

/** Best first. */
export const GRADES = ["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"] as const satisfies readonly Grade[];

/** In handling order: OPEN → IN_PROGRESS → RESOLVED. */
export const CONCERN_STATUSES = [
  "OPEN",
  "IN_PROGRESS",
  "RESOLVED",
] as const satisfies readonly ConcernStatus[];

export const ASSIGNMENT_SCOPES = [
  "COMPREHENSIVE",
  "NTM_SUPPORT",
  "AREA",
] as const satisfies readonly AssignmentScope[];
