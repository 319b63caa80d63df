import { gql, type TypedDocumentNode } from "@apollo/client";
import type { AssignmentScope } from "../../gql/graphql";

export interface MemberOption {
  id: string;
  code: string;
  fullName: string;
  homeUnit: { id: string; name: string };
}

/** Members in the committee's subtree whose name or code matches, for picking who to assign. */
export const MEMBER_OPTIONS_QUERY: TypedDocumentNode<
  { members: { nodes: MemberOption[] } },
  { under: string; search?: string | null }
> = gql`
  query AssignmentMemberOptions($under: String!, $search: String) {
    members(filter: { under: { code: $under }, search: $search }, first: 20) {
      nodes {
        id
        code
        fullName
        homeUnit {
          id
          name
        }
      }
    }
  }
`;

export interface DirectiveOption {
  id: string;
  number: string;
  title: string;
  issuerUnit: { id: string; code: string } | null;
}

/** Directives issued in the committee's subtree; an assignment is made under one issued above the unit. */
export const DIRECTIVE_OPTIONS_QUERY: TypedDocumentNode<
  { directives: { nodes: DirectiveOption[] } },
  { under: string }
> = gql`
  query AssignmentDirectiveOptions($under: String!) {
    directives(filter: { issuedUnder: { code: $under } }, first: 100) {
      nodes {
        id
        number
        title
        issuerUnit {
          id
          code
        }
      }
    }
  }
`;

interface ChangedAssignment {
  id: string;
  startsOn: string;
  endsOn: string | null;
}

const CHANGED_FIELDS = /* GraphQL */ `
  id
  startsOn
  endsOn
`;

export interface AssignMemberInput {
  directive: string;
  member: string;
  unit: { code: string };
  scope: AssignmentScope;
  startsOn: string;
  endsOn?: string;
}

export const ASSIGN_MEMBER_MUTATION: TypedDocumentNode<
  { assignMember: ChangedAssignment },
  { input: AssignMemberInput; idempotencyKey?: string }
> = gql`
  mutation AssignMember($input: AssignMemberInput!, $idempotencyKey: String) {
    assignMember(input: $input, idempotencyKey: $idempotencyKey) {
      ${CHANGED_FIELDS}
    }
  }
`;

export const END_ASSIGNMENT_MUTATION: TypedDocumentNode<
  { endAssignment: ChangedAssignment },
  { input: { id: string; endsOn: string }; idempotencyKey?: string }
> = gql`
  mutation EndAssignment($input: EndAssignmentInput!, $idempotencyKey: String) {
    endAssignment(input: $input, idempotencyKey: $idempotencyKey) {
      ${CHANGED_FIELDS}
    }
  }
`;

export const REASSIGN_MUTATION: TypedDocumentNode<
  { reassign: ChangedAssignment },
  { input: { assignment: string; member: string; from: string }; idempotencyKey?: string }
> = gql`
  mutation Reassign($input: ReassignInput!, $idempotencyKey: String) {
    reassign(input: $input, idempotencyKey: $idempotencyKey) {
      ${CHANGED_FIELDS}
    }
  }
`;
