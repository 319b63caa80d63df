import { gql, type TypedDocumentNode } from "@apollo/client";
import type { PledgeStatus, UnitKind } from "../../apollo/schema-types";

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** The fields of `Dashboard` the page shows; the server sends them at once and after each burst. */
export interface DashboardFigures {
  unit: UnitRef;
  year: number;
  month: number;
  lastEventId: string | null;
  computedAt: string;
  pledgeCount: number;
  confirmedCount: number;
  confirmationRate: number | null;
  pledgesByStatus: { status: PledgeStatus; count: number }[];
  visitCompliance: { assessed: number; compliant: number; belowMinimum: number };
  openConcerns: number;
  ntm: {
    communeCount: number;
    communesRecognised: number;
    ruralDistrictCount: number;
    districtsRecognised: number;
    averageCriteriaMet: number | null;
    communesByCriteriaMet: { criteriaMet: number; communes: number }[];
  };
}

/** Sent over graphql-ws by live.ts (a string: it does not go through Apollo's link). */
export const DASHBOARD_SUBSCRIPTION = /* GraphQL */ `
  subscription Dashboard($unit: UnitRef!, $year: Int!, $month: Int) {
    dashboard(unit: $unit, year: $year, month: $month) {
      unit {
        id
        code
        name
        kind
      }
      year
      month
      lastEventId
      computedAt
      pledgeCount
      confirmedCount
      confirmationRate
      pledgesByStatus {
        status
        count
      }
      visitCompliance {
        assessed
        compliant
        belowMinimum
      }
      openConcerns
      ntm {
        communeCount
        communesRecognised
        ruralDistrictCount
        districtsRecognised
        averageCriteriaMet
        communesByCriteriaMet {
          criteriaMet
          communes
        }
      }
    }
  }
`;

/** The unit under a confirmation: a cell and its commune, a commune and its district… */
export interface FeedUnit extends UnitRef {
  parent: UnitRef | null;
}

const FEED_UNIT_FIELDS = /* GraphQL */ `
  id
  code
  name
  kind
  parent {
    id
    code
    name
    kind
  }
`;

export interface ConfirmationLandedData {
  confirmationLanded: {
    event: { id: string; occurredAt: string; unit: FeedUnit | null };
    pledge: { id: string; title: string; year: number };
  };
}

/** Confirmations in a subtree as they land; resumed from the last one after a reconnection. */
export const CONFIRMATION_LANDED_SUBSCRIPTION = /* GraphQL */ `
  subscription ConfirmationLanded($unit: UnitRef!, $since: ID) {
    confirmationLanded(unit: $unit, since: $since) {
      event {
        id
        occurredAt
        unit {
          ${FEED_UNIT_FIELDS}
        }
      }
      pledge {
        id
        title
        year
      }
    }
  }
`;

export interface RecentConfirmationsData {
  events: {
    nodes: {
      id: string;
      occurredAt: string;
      /** The pledge after the change, as the event log stores it. */
      after: { title?: unknown; year?: unknown } | null;
      unit: FeedUnit | null;
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface RecentConfirmationsVariables {
  code: string;
  from: string;
  to?: string | null;
  after?: string | null;
}

/** Confirmations logged in a subtree from `from` (to `to`), oldest first, a page of 100 at a time. */
export const RECENT_CONFIRMATIONS_QUERY: TypedDocumentNode<
  RecentConfirmationsData,
  RecentConfirmationsVariables
> = gql`
  query RecentConfirmations($code: String!, $from: DateTimeISO!, $to: DateTimeISO, $after: String) {
    events(
      filter: { under: { code: $code }, actions: ["PLEDGE_CONFIRMED"], from: $from, to: $to }
      first: 100
      after: $after
    ) {
      nodes {
        id
        occurredAt
        after
        unit {
          ${FEED_UNIT_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export interface ChildRate extends UnitRef {
  summary: { confirmationRate: number | null; pledgeCount: number };
}

export interface ChildRatesData {
  orgUnit: UnitRef & { children: ChildRate[] };
}

export interface UnitYearVariables {
  code: string;
  year: number;
}

/** The confirmation rate of each unit directly below (districts of the city, communes of a district…). */
export const CHILD_RATES_QUERY: TypedDocumentNode<ChildRatesData, UnitYearVariables> = gql`
  query DashboardChildRates($code: String!, $year: Int!) {
    orgUnit(code: $code) {
      id
      code
      name
      kind
      children {
        id
        code
        name
        kind
        summary(year: $year) {
          confirmationRate
          pledgeCount
        }
      }
    }
  }
`;

export interface CriterionStatus {
  met: boolean;
  criterion: { number: number };
}

export interface MatrixCommune extends UnitRef {
  ntmRecognition: { year: number; decisionNumber: string } | null;
  ntmStatuses: CriterionStatus[];
}

export interface NtmMatrixData {
  ntmCriteria: { number: number; name: string; nameEn: string }[];
  orgUnit: MatrixCommune & {
    descendants: {
      totalCount: number;
      nodes: MatrixCommune[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

/** How many communes a page of the matrix shows (the API's largest page). */
export const MATRIX_PAGE_SIZE = 100;

/**
 * Each xã of the subtree (or the xã itself) with its 19 criteria for the year, a page of 100 at a time:
 * public data.
 */
export const NTM_MATRIX_QUERY: TypedDocumentNode<
  NtmMatrixData,
  UnitYearVariables & { after?: string | null }
> = gql`
  fragment MatrixCommuneFields on OrgUnit {
    id
    code
    name
    kind
    ntmRecognition {
      year
      decisionNumber
    }
    ntmStatuses(year: $year) {
      met
      criterion {
        number
      }
    }
  }

  query DashboardNtmMatrix($code: String!, $year: Int!, $after: String) {
    ntmCriteria {
      number
      name
      nameEn
    }
    orgUnit(code: $code) {
      ...MatrixCommuneFields
      descendants(kinds: [COMMUNE], first: 100, after: $after) {
        totalCount
        nodes {
          ...MatrixCommuneFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export interface DashboardScopeData {
  orgUnit: UnitRef & { children: UnitRef[] };
}

/** The units the dashboard offers: the user's own unit and those directly below it. */
export const DASHBOARD_SCOPE_QUERY: TypedDocumentNode<DashboardScopeData, { code: string }> = gql`
  query DashboardScope($code: String!) {
    orgUnit(code: $code) {
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
  }
`;

export interface LatestVisitData {
  visits: { nodes: { id: string; visitedOn: string }[] };
}

/** The latest visit recorded in a subtree within a year (visits come latest first). */
export const LATEST_VISIT_QUERY: TypedDocumentNode<
  LatestVisitData,
  { code: string; from: string; to: string }
> = gql`
  query DashboardLatestVisit($code: String!, $from: Date!, $to: Date!) {
    visits(filter: { under: { code: $code }, from: $from, to: $to }, first: 1) {
      nodes {
        id
        visitedOn
      }
    }
  }
`;
