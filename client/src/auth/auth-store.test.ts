import { BEFORE_CHANGE_TIMEOUT_MS, createAuthStore } from "./auth-store";
import { SESSION_STORAGE_KEY, memoryStorage, saveSession, type Session } from "./session";
import { waitFor } from "../test/wait-for";

const START = Date.parse("2016-09-17T08:00:00Z");
const HOUR = 60 * 60 * 1000;

const sessionFor = (username: string, expiresAt: number): Session => ({
  token: `token-of-${username}`,
  expiresAt: new Date(expiresAt).toISOString(),
  user: {
    username,
    displayName: username,
    roles: ["VIEWER"],
    unit: { code: "92", name: "Cần Thơ", kind: "CITY" },
  },
});

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(START);
});
afterEach(() => {
  jest.useRealTimers();
});

describe("the auth store", () => {
  it("starts signed out with nothing stored", () => {
    const store = createAuthStore(memoryStorage());
    expect(store.getState()).toEqual({ session: null, ended: null });
    expect(store.token()).toBeNull();
  });

  it("starts signed in from a stored, valid session", () => {
    const storage = memoryStorage();
    saveSession(storage, sessionFor("viewer.codo", START + HOUR));
    const store = createAuthStore(storage);
    expect(store.getState().session?.user.username).toBe("viewer.codo");
    expect(store.token()).toBe("token-of-viewer.codo");
  });

  it("starts in the 'sign in again' state from a stored, expired session", () => {
    const storage = memoryStorage();
    saveSession(storage, sessionFor("viewer.codo", START - 1));
    const store = createAuthStore(storage);
    expect(store.getState()).toEqual({ session: null, ended: "expired" });
    expect(storage.size).toBe(0);
  });

  it("signs in: stores the session, sends its token, and tells listeners after the cache hook ran", async () => {
    const storage = memoryStorage();
    const store = createAuthStore(storage);
    const events: string[] = [];
    store.setBeforeChange(() => void events.push(`clear (token now ${store.token()})`));
    store.subscribe(() => events.push(`notify ${store.getState().session?.user.username}`));

    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    expect(events).toEqual(["clear (token now token-of-viewer.codo)", "notify viewer.codo"]);
    expect(storage.getItem(SESSION_STORAGE_KEY)).toContain("token-of-viewer.codo");
  });

  it("signs out: clears the stored token and the cache, with no notice", async () => {
    const storage = memoryStorage();
    const store = createAuthStore(storage);
    const clear = jest.fn();
    store.setBeforeChange(clear);
    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    await store.end("signedOut");
    expect(store.getState()).toEqual({ session: null, ended: null });
    expect(store.token()).toBeNull();
    expect(storage.size).toBe(0);
    expect(clear).toHaveBeenCalledTimes(2);
  });

  it("ends the session by itself when expiresAt passes", async () => {
    const store = createAuthStore(memoryStorage());
    const clear = jest.fn();
    store.setBeforeChange(clear);
    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    await jest.advanceTimersByTimeAsync(HOUR - 1);
    expect(store.getState().session).not.toBeNull();
    await jest.advanceTimersByTimeAsync(1);
    expect(store.getState()).toEqual({ session: null, ended: "expired" });
    expect(clear).toHaveBeenCalledTimes(2);
  });

  it("does not send an expired token even before the timer fires (a sleeping laptop)", async () => {
    const store = createAuthStore(memoryStorage());
    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    jest.setSystemTime(START + 2 * HOUR); // the clock jumped, timers did not run
    expect(store.token()).toBeNull();
    await jest.runOnlyPendingTimersAsync();
    expect(store.getState().ended).toBe("expired");
  });

  it("ends the session when the server refuses its token, but not for an old token's late answer", async () => {
    const store = createAuthStore(memoryStorage());
    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    await store.end("rejected", "token-of-someone-before");
    expect(store.getState().session?.user.username).toBe("viewer.codo");
    await store.end("rejected", "token-of-viewer.codo");
    expect(store.getState()).toEqual({ session: null, ended: "rejected" });
  });

  it("forgets the notice once dismissed, and on the next sign-in", async () => {
    const store = createAuthStore(memoryStorage());
    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    await store.end("expired");
    store.dismissNotice();
    expect(store.getState().ended).toBeNull();
    await store.signIn(sessionFor("viewer.codo", START + HOUR));
    await store.end("rejected");
    await store.signIn(sessionFor("admin", START + HOUR));
    expect(store.getState()).toMatchObject({ ended: null, session: { user: { username: "admin" } } });
  });

  it("keeps the publish order when changes follow each other quickly", async () => {
    const store = createAuthStore(memoryStorage());
    const pending: (() => void)[] = [];
    store.setBeforeChange(() => new Promise<void>((resolve) => pending.push(resolve)));
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.getState().session?.user.username ?? null));
    const first = store.signIn(sessionFor("viewer.codo", START + HOUR));
    const second = store.end("signedOut");
    expect(store.token()).toBeNull(); // requests stop using the token at once
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(seen).toEqual([]); // nobody hears of it before the cache is cleared
    pending[0]();
    await first;
    await waitFor(() => expect(pending).toHaveLength(2));
    pending[1]();
    await second;
    expect(seen).toEqual(["viewer.codo", null]);
  });

  it("signs in even when the cache reset never settles, once it has waited long enough", async () => {
    const store = createAuthStore(memoryStorage());
    let started = false;
    store.setBeforeChange(() => {
      started = true;
      return new Promise<void>(() => undefined); // never settles
    });
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.getState().session?.user.username ?? null));
    const signedIn = store.signIn(sessionFor("viewer.codo", START + HOUR));
    await waitFor(() => expect(started).toBe(true));
    jest.advanceTimersByTime(BEFORE_CHANGE_TIMEOUT_MS - 1);
    await Promise.resolve();
    expect(seen).toEqual([]); // still waiting for the reset
    jest.advanceTimersByTime(1);
    await signedIn;
    expect(seen).toEqual(["viewer.codo"]);
    // The next change is not held up by the one that hung.
    store.setBeforeChange(() => undefined);
    await store.end("signedOut");
    expect(seen).toEqual(["viewer.codo", null]);
  });

  it("follows sign-in and sign-out in another tab", async () => {
    const store = createAuthStore(memoryStorage());
    const other = sessionFor("committee.codo", START + HOUR);
    store.syncFromStorage(JSON.stringify(other));
    expect(store.token()).toBe(other.token);
    await waitFor(() => expect(store.getState().session?.user.username).toBe("committee.codo"));
    store.syncFromStorage(null);
    expect(store.token()).toBeNull();
    await waitFor(() => expect(store.getState()).toEqual({ session: null, ended: null }));
  });
});
