import { gql, type TypedDocumentNode } from "@apollo/client";
import type { AuthUser } from "./session";

export interface SignInData {
  signIn: { token: string; expiresAt: string; user: AuthUser & { id: string } };
}

export interface SignInVariables {
  username: string;
  password: string;
}

/** Signs in; fails with INVALID_CREDENTIALS. Sent without a token (see `anonymous` in apollo/client.ts). */
export const SIGN_IN_MUTATION: TypedDocumentNode<SignInData, SignInVariables> = gql`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      token
      expiresAt
      user {
        id
        username
        displayName
        roles
        unit {
          id
          code
          name
          kind
        }
      }
    }
  }
`;

export interface ViewerData {
  viewer: (AuthUser & { id: string; unit: AuthUser["unit"] & { id: string } }) | null;
}

/** The signed-in user as the server sees them now; null for anonymous callers. */
export const VIEWER_QUERY: TypedDocumentNode<ViewerData, Record<string, never>> = gql`
  query Viewer {
    viewer {
      id
      username
      displayName
      roles
      unit {
        id
        code
        name
        kind
      }
    }
  }
`;
