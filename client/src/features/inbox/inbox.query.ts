import { gql, type TypedDocumentNode } from "@apollo/client";
import type { PledgeStatus, UnitKind } from "../../apollo/schema-types";

export interface InboxUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface InboxPledge {
  id: string;
  title: string;
  year: number;
  status: PledgeStatus;
  version: number;
  targetQuantity: number | null;
  targetUnit: string | null;
  achievedQuantity: number | null;
  reportNote: string | null;
  evidenceNote: string | null;
  evidenceLinks: string[];
  reportedAt: string | null;
  member: { id: string; fullName: string };
}

export interface InboxData {
  orgUnit: InboxUnit;
  pledges: {
    totalCount: number;
    nodes: (InboxPledge & { unit: InboxUnit & { parent: { id: string; code: string } | null } })[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Reported pledges read a page at a time (the API's largest page). */
export const INBOX_PAGE_SIZE = 100;

/**
 * What waits for a committee: the REPORTED pledges of its subtree, a page at a time, of which the inbox shows
 * those of the units directly below its own — exactly the ones it confirms (a cell's pledge is confirmed by its
 * commune's committee, a commune's by its district's). The API has no filter by parent unit, so the rest of
 * each page (pledges of units further down, confirmed by the committees there) is left out here.
 */
export const INBOX_QUERY: TypedDocumentNode<InboxData, { code: string; after?: string | null }> = gql`
  query ConfirmationInbox($code: String!, $after: String) {
    orgUnit(code: $code) {
      id
      code
      name
      kind
    }
    pledges(filter: { under: { code: $code }, statuses: [REPORTED] }, first: 100, after: $after) {
      totalCount
      nodes {
        id
        title
        year
        status
        version
        targetQuantity
        targetUnit
        achievedQuantity
        reportNote
        evidenceNote
        evidenceLinks
        reportedAt
        member {
          id
          fullName
        }
        unit {
          id
          code
          name
          kind
          parent {
            id
            code
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export interface DecisionVariables {
  input: { id: string; expectedVersion?: number; reason?: string };
  idempotencyKey?: string;
}

export interface DecidedPledge {
  id: string;
  status: PledgeStatus;
  version: number;
  decidedAt: string | null;
}

export const CONFIRM_PLEDGE_MUTATION: TypedDocumentNode<{ confirmPledge: DecidedPledge }, DecisionVariables> =
  gql`
    mutation ConfirmPledge($input: PledgeDecisionInput!, $idempotencyKey: String) {
      confirmPledge(input: $input, idempotencyKey: $idempotencyKey) {
        id
        status
        version
        decidedAt
      }
    }
  `;

export const REJECT_PLEDGE_MUTATION: TypedDocumentNode<
  { rejectPledge: DecidedPledge & { rejectionReason: string | null } },
  DecisionVariables
> = gql`
  mutation RejectPledge($input: PledgeDecisionInput!, $idempotencyKey: String) {
    rejectPledge(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
      decidedAt
      rejectionReason
    }
  }
`;

export interface PledgeEventData {
  events: { id: string; action: string; entityId: string };
}

/** Pledge changes in the committee's subtree: someone else decided, a member reported (again). */
export const PLEDGE_EVENTS_SUBSCRIPTION = /* GraphQL */ `
  subscription InboxPledgeEvents($since: ID, $filter: EventStreamFilter) {
    events(since: $since, filter: $filter) {
      id
      action
      entityId
    }
  }
`;
