import type { AuthFailureCode } from "../apollo/failure";
import type { Role, UnitKind } from "../apollo/schema-types";
import type { MessageKey } from "../i18n/translate";
import type { SessionEnd } from "./auth-store";
import type { AuthUser, Session } from "./session";

/** What the header shows on the right: a sign-in button, or who is signed in with a sign-out button. */
export type HeaderView =
  | { signedIn: false }
  | {
      signedIn: true;
      username: string;
      displayName: string;
      roles: Role[];
      unit: { code: string; name: string; kind: UnitKind };
    };

/**
 * The header's view of the session. The user as `viewer` last answered wins over the copy stored at sign-in
 * (a renamed unit shows its new name), as long as it is the same user.
 */
export function headerView(session: Session | null, viewer: AuthUser | null | undefined): HeaderView {
  if (!session) return { signedIn: false };
  const user = viewer && viewer.username === session.user.username ? viewer : session.user;
  return {
    signedIn: true,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    unit: user.unit,
  };
}

/** The session end an auth failure means for a request sent with `sentToken`; none for anonymous requests. */
export function sessionEndFor(code: AuthFailureCode | null, sentToken: string | null): SessionEnd | null {
  if (!code || !sentToken) return null;
  return code === "TOKEN_EXPIRED" ? "expired" : "rejected";
}

/** The notice to show on the sign-in form after a session ended by itself; none after signing out. */
export function sessionEndNotice(ended: SessionEnd | null): MessageKey | null {
  switch (ended) {
    case "expired":
      return "auth.notice.expired";
    case "rejected":
      return "auth.notice.rejected";
    default:
      return null;
  }
}

/** The Authorization header value for HTTP requests. */
export function authorizationHeader(token: string): string {
  return `Bearer ${token}`;
}

/** graphql-ws `connection_init` payload: the token as the server reads it, or nothing when anonymous. */
export function wsConnectionParams(token: string | null): { authorization?: string } {
  return token ? { authorization: authorizationHeader(token) } : {};
}

/** The server closes a socket whose `connection_init` token it refuses with 4403 (Forbidden). */
export const WS_AUTH_REFUSED = 4403;

function closeCode(event: unknown): number | undefined {
  if (typeof event !== "object" || event === null || !("code" in event)) return undefined;
  return typeof event.code === "number" ? event.code : undefined;
}

export function isAuthRefusedClose(event: unknown): boolean {
  return closeCode(event) === WS_AUTH_REFUSED;
}

/**
 * graphql-ws retries closed sockets, but a refused token stays refused: sign in again instead. A browser
 * reports a refused or dropped connection as an `error` event (no close code) before the close: that is a
 * network failure to retry too, or a monitor would give up for good when the server restarts.
 */
export function shouldRetrySocket(event: unknown): boolean {
  return !isAuthRefusedClose(event);
}
