import {
  SESSION_STORAGE_KEY,
  clearSession,
  isExpired,
  loadSession,
  msUntilExpiry,
  parseSession,
  saveSession,
  type Session,
  type SessionStorage,
} from "./session";

/** Why a session ended: the user signed out, the token ran out, or the server refused it. */
export type SessionEnd = "signedOut" | "expired" | "rejected";

export interface AuthState {
  session: Session | null;
  /** Why the last session ended, until the user signs in again or dismisses the notice. */
  ended: SessionEnd | null;
}

/**
 * The signed-in session, shared by the Apollo links (which read the token on every request and on every
 * WebSocket connection) and by React (through `subscribe`/`getState`, for `useSyncExternalStore`).
 *
 * A change takes effect for requests at once; the `beforeChange` hook (clearing Apollo's cache) runs before
 * listeners hear of it, so the pages that re-render then fetch afresh under the new identity.
 */
export interface AuthStore {
  getState(): AuthState;
  subscribe(listener: () => void): () => void;
  /** The token to send now; null when signed out. An expired session is ended instead of being used. */
  token(): string | null;
  signIn(session: Session): Promise<void>;
  /** Ends the session; with `token`, only if that is still the session's token (a late answer to an old one). */
  end(reason: SessionEnd, token?: string | null): Promise<void>;
  /** Forgets why the last session ended (the notice was seen). */
  dismissNotice(): void;
  setBeforeChange(hook: () => Promise<unknown> | void): void;
  /** Another tab signed in or out: `newValue` is the stored session's new text. */
  syncFromStorage(newValue: string | null): void;
  dispose(): void;
}

/** How long a session change waits for the cache reset before it is applied anyway. */
export const BEFORE_CHANGE_TIMEOUT_MS = 3_000;

// setTimeout takes at most 2^31 − 1 ms; a longer wait is done in steps.
const MAX_TIMEOUT = 2 ** 31 - 1;

export function createAuthStore(storage: SessionStorage, now: () => number = Date.now): AuthStore {
  const loaded = loadSession(storage, now());
  // `current` is what requests use; `published` is what React sees, after beforeChange has run.
  let current: Session | null = loaded.session;
  let published: AuthState = { session: loaded.session, ended: loaded.expired ? "expired" : null };
  let beforeChange: () => Promise<unknown> | void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();

  const publish = (state: AuthState) => {
    published = state;
    for (const listener of listeners) listener();
  };

  /** Runs the hook, then tells listeners; changes are applied one after the other. */
  const change = (next: AuthState): Promise<void> => {
    current = next.session;
    schedule();
    queue = queue.then(async () => {
      let timeout: ReturnType<typeof setTimeout> | undefined;
      try {
        // A failed cache reset must not keep the user in the old session, and neither must one that never
        // settles (the client's store waits for operations in flight on a socket that was just terminated).
        await Promise.race([
          beforeChange(),
          new Promise<void>((resolve) => (timeout = setTimeout(resolve, BEFORE_CHANGE_TIMEOUT_MS))),
        ]);
      } catch {
        // as above
      } finally {
        clearTimeout(timeout);
      }
      publish(next);
    });
    return queue;
  };

  function schedule() {
    clearTimeout(timer);
    timer = undefined;
    if (!current) return;
    const left = msUntilExpiry(current, now());
    timer = setTimeout(
      () => {
        if (current && isExpired(current, now())) void store.end("expired", current.token);
        else schedule();
      },
      Math.min(Math.max(left, 0), MAX_TIMEOUT),
    );
  }

  const store: AuthStore = {
    getState: () => published,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    token() {
      if (!current) return null;
      if (isExpired(current, now())) {
        void store.end("expired", current.token);
        return null;
      }
      return current.token;
    },
    signIn(session) {
      saveSession(storage, session);
      return change({ session, ended: null });
    },
    end(reason, token) {
      if (!current || (token !== undefined && token !== current.token)) return queue;
      clearSession(storage);
      return change({ session: null, ended: reason === "signedOut" ? null : reason });
    },
    dismissNotice() {
      if (published.ended) publish({ ...published, ended: null });
    },
    setBeforeChange(hook) {
      beforeChange = hook;
    },
    syncFromStorage(newValue) {
      const session = parseSession(newValue);
      if (session && !isExpired(session, now())) {
        if (session.token !== current?.token) void change({ session, ended: null });
      } else if (current) {
        void change({ session: null, ended: null });
      }
    },
    dispose() {
      clearTimeout(timer);
      listeners.clear();
    },
  };
  schedule();
  return store;
}

/** Keeps `store` in step with sign-ins and sign-outs in the browser's other tabs. */
export function followOtherTabs(store: AuthStore, target: Pick<Window, "addEventListener">): void {
  target.addEventListener("storage", (event: StorageEvent) => {
    if (event.key === SESSION_STORAGE_KEY || event.key === null) store.syncFromStorage(event.newValue);
  });
}
