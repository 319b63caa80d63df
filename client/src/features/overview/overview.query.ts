import { gql, type TypedDocumentNode } from "@apollo/client";
import type { PledgeStatus, UnitKind } from "../../apollo/schema-types";

export interface OverviewData {
  orgUnit: {
    id: string;
    code: string;
    name: string;
    children: { id: string; code: string; name: string; kind: UnitKind }[];
    summary: {
      year: number;
      cells: { total: number; withDirector: number; withoutDirector: number };
      pledgeCount: number;
      confirmationRate: number | null;
      pledgesByStatus: { status: PledgeStatus; count: number }[];
      ntm: {
        communeCount: number;
        communesRecognised: number;
        ruralDistrictCount: number;
        districtsRecognised: number;
        communesByCriteriaMet: { criteriaMet: number; communes: number }[];
      };
    };
  };
}

export interface OverviewVariables {
  code: string;
  year: number;
}

/** Everything the overview page shows for one unit's subtree and year, in one request. */
export const OVERVIEW_QUERY: TypedDocumentNode<OverviewData, OverviewVariables> = gql`
  query Overview($code: String!, $year: Int!) {
    orgUnit(code: $code) {
      id
      code
      name
      children {
        id
        code
        name
        kind
      }
      summary(year: $year) {
        year
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
    }
  }
`;
