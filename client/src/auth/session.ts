import { ROLES, UNIT_KINDS, type Role, type UnitKind } from "../apollo/schema-types";

/** Who signed in, as `signIn` and `viewer` return them. */
export interface AuthUser {
  username: string;
  displayName: string;
  roles: Role[];
  unit: { code: string; name: string; kind: UnitKind };
}

/** A signed-in session: the access token, when it stops working (ISO date-time) and whose it is. */
export interface Session {
  token: string;
  expiresAt: string;
  user: AuthUser;
}

/** The part of `Storage` the session needs, so tests can pass a map. */
export type SessionStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const SESSION_STORAGE_KEY = "assignment-tracker.session";

/** Milliseconds left before the token expires (negative once it has); NaN when `expiresAt` is not a date. */
export function msUntilExpiry(session: Pick<Session, "expiresAt">, now: number): number {
  return Date.parse(session.expiresAt) - now;
}

/** True once `expiresAt` has passed, or when it cannot be read (a token of unknown life is not used). */
export function isExpired(session: Pick<Session, "expiresAt">, now: number): boolean {
  const left = msUntilExpiry(session, now);
  return Number.isNaN(left) || left <= 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isRole = (value: unknown): value is Role =>
  isString(value) && (ROLES as readonly string[]).includes(value);
const isUnitKind = (value: unknown): value is UnitKind =>
  isString(value) && (UNIT_KINDS as readonly string[]).includes(value);

function toUser(value: unknown): AuthUser | null {
  if (!isRecord(value) || !isRecord(value.unit)) return null;
  const { username, displayName, roles, unit } = value;
  if (!isString(username) || !isString(displayName)) return null;
  if (!Array.isArray(roles) || !roles.every(isRole)) return null;
  if (!isString(unit.code) || !isString(unit.name) || !isUnitKind(unit.kind)) return null;
  return { username, displayName, roles, unit: { code: unit.code, name: unit.name, kind: unit.kind } };
}

/** A session read back from its stored JSON; null when the text is missing or not a session. */
export function parseSession(text: string | null): Session | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isString(value.token) || value.token === "" || !isString(value.expiresAt))
    return null;
  if (Number.isNaN(Date.parse(value.expiresAt))) return null;
  const user = toUser(value.user);
  return user && { token: value.token, expiresAt: value.expiresAt, user };
}

export function saveSession(storage: SessionStorage, session: Session): void {
  try {
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // storage full or disabled: the session then lasts for this page only
  }
}

export function clearSession(storage: SessionStorage): void {
  try {
    storage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // storage disabled: nothing was kept
  }
}

export type LoadedSession = { session: Session; expired: false } | { session: null; expired: boolean };

/**
 * The stored session if it is still valid. An expired or unreadable one is removed; `expired` tells the
 * caller to say so ("sign in again") rather than to show a plain signed-out state.
 */
export function loadSession(storage: SessionStorage, now: number): LoadedSession {
  let text: string | null;
  try {
    text = storage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return { session: null, expired: false };
  }
  const session = parseSession(text);
  if (session && !isExpired(session, now)) return { session, expired: false };
  if (text !== null) clearSession(storage);
  return { session: null, expired: session !== null };
}

/** The session to keep from a `signIn` answer: only the fields the client reads back. */
export function sessionFrom(payload: { token: string; expiresAt: string; user: AuthUser }): Session {
  const { username, displayName, roles, unit } = payload.user;
  return {
    token: payload.token,
    expiresAt: payload.expiresAt,
    user: {
      username,
      displayName,
      roles: [...roles],
      unit: { code: unit.code, name: unit.name, kind: unit.kind },
    },
  };
}

/** A storage that lasts for the page only: for tests, and when the browser refuses localStorage. */
export function memoryStorage(): SessionStorage & { readonly size: number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    get size() {
      return items.size;
    },
  };
}

/** The browser's localStorage, or page-only storage when it is disabled (private mode, sandboxed frame). */
export function browserStorage(): SessionStorage {
  try {
    const storage = window.localStorage;
    storage.getItem(SESSION_STORAGE_KEY);
    return storage;
  } catch {
    return memoryStorage();
  }
}
