import type { ConcernStatus, RaiseConcernInput } from "../../gql/graphql";
import type { Dayjs } from "dayjs";

/**
 * What a committee may do with a concern in its status (OPEN → IN_PROGRESS → RESOLVED): name a handler while
 * it is open, start it once it has a handler, resolve it when in progress (or open with a handler).
 */
export function concernActions(
  status: ConcernStatus,
  hasHandler: boolean,
): { assign: boolean; start: boolean; resolve: boolean } {
  return {
    assign: status === "OPEN",
    start: status === "OPEN" && hasHandler,
    resolve: status === "IN_PROGRESS" || (status === "OPEN" && hasHandler),
  };
}

/** Committees and the city office act on concerns; others only read them. */
export function managesConcerns(roles: readonly string[]): boolean {
  return roles.includes("COMMITTEE") || roles.includes("ADMIN");
}

export interface RaiseConcernValues {
  raisedBy: string;
  title: string;
  description?: string | null;
  raisedOn?: Dayjs | null;
  delegation?: string | null;
}

export function toRaiseConcernInput(values: RaiseConcernValues): RaiseConcernInput {
  const input: RaiseConcernInput = { raisedBy: { code: values.raisedBy }, title: values.title.trim() };
  const description = values.description?.trim();
  if (description) input.description = description;
  if (values.raisedOn) input.raisedOn = values.raisedOn.format("YYYY-MM-DD");
  if (values.delegation) input.delegation = values.delegation;
  return input;
}

/** The year's first and last day, for filters that take a range; nulls for "all years". */
export function yearRange(year: number | null): { from: string | null; to: string | null } {
  return year === null ? { from: null, to: null } : { from: `${year}-01-01`, to: `${year}-12-31` };
}
