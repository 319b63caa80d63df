import { gql, type TypedDocumentNode } from "@apollo/client";
import type { PledgeStatus, UnitKind } from "../../apollo/schema-types";

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface NtmSummary {
  communeCount: number;
  communesRecognised: number;
  ruralDistrictCount: number;
  districtsRecognised: number;
  communesByCriteriaMet: { criteriaMet: number; communes: number }[];
}

/** What anyone may see: the unit, the units below it and its NTM figures. */
export interface PublicOverviewData {
  orgUnit: UnitRef & { children: UnitRef[]; summary: { year: number; ntm: NtmSummary } };
}

/** Figures about people's work, for signed-in users only, cut to their own subtree (`coveredUnit`). */
export interface PeopleSummary {
  coveredUnit: UnitRef | null;
  cells: { total: number; withDirector: number; withoutDirector: number };
  pledgeCount: number;
  confirmationRate: number | null;
  pledgesByStatus: { status: PledgeStatus; count: number }[];
}

export interface OverviewData {
  orgUnit: UnitRef & {
    children: UnitRef[];
    summary: { year: number; ntm: NtmSummary } & PeopleSummary;
  };
}

export interface OverviewVariables {
  code: string;
  year: number;
}

const PUBLIC_FIELDS = gql`
  fragment OverviewUnitFields on OrgUnit {
    id
    code
    name
    kind
    children {
      id
      code
      name
      kind
    }
  }

  fragment OverviewNtmFields on UnitSummary {
    year
    ntm {
      communeCount
      communesRecognised
      ruralDistrictCount
      districtsRecognised
      communesByCriteriaMet(recognised: false) {
        criteriaMet
        communes
      }
    }
  }
`;

/** The overview for anonymous callers: only public reference data, so no UNAUTHENTICATED errors. */
export const PUBLIC_OVERVIEW_QUERY: TypedDocumentNode<PublicOverviewData, OverviewVariables> = gql`
  query PublicOverview($code: String!, $year: Int!) {
    orgUnit(code: $code) {
      ...OverviewUnitFields
      summary(year: $year) {
        ...OverviewNtmFields
      }
    }
  }
  ${PUBLIC_FIELDS}
`;

/** Everything the overview page shows a signed-in user for one unit's subtree and year, in one request. */
export const OVERVIEW_QUERY: TypedDocumentNode<OverviewData, OverviewVariables> = gql`
  query Overview($code: String!, $year: Int!) {
    orgUnit(code: $code) {
      ...OverviewUnitFields
      summary(year: $year) {
        ...OverviewNtmFields
        coveredUnit {
          id
          code
          name
          kind
        }
        cells {
          total
          withDirector
          withoutDirector
        }
        pledgeCount
        confirmationRate
        pledgesByStatus {
          status
          count
        }
      }
    }
  }
  ${PUBLIC_FIELDS}
`;
