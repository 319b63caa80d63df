import {
  SESSION_STORAGE_KEY,
  clearSession,
  isExpired,
  loadSession,
  memoryStorage,
  msUntilExpiry,
  parseSession,
  saveSession,
  sessionFrom,
  type Session,
} from "./session";

const NOW = Date.parse("2016-09-17T08:00:00Z");
const session: Session = {
  token: "header.payload.signature",
  expiresAt: "2016-09-17T09:00:00.000Z",
  user: {
    username: "viewer.codo",
    displayName: "Ban Tổ chức Huyện ủy Cờ Đỏ",
    roles: ["VIEWER"],
    unit: { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" },
  },
};

describe("the token store", () => {
  it("saves a session and loads it back while it is valid", () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? "null")).toEqual(session);
    expect(loadSession(storage, NOW)).toEqual({ session, expired: false });
  });

  it("loads nothing when nothing was saved", () => {
    expect(loadSession(memoryStorage(), NOW)).toEqual({ session: null, expired: false });
  });

  it("drops an expired session and says it expired", () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(loadSession(storage, Date.parse(session.expiresAt))).toEqual({ session: null, expired: true });
    expect(storage.size).toBe(0);
  });

  it("drops an unreadable session without calling it expired", () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, "{not json");
    expect(loadSession(storage, NOW)).toEqual({ session: null, expired: false });
    expect(storage.size).toBe(0);
  });

  it("clears the saved session", () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    clearSession(storage);
    expect(loadSession(storage, NOW).session).toBeNull();
  });

  it("survives a storage that refuses to work", () => {
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => saveSession(broken, session)).not.toThrow();
    expect(() => clearSession(broken)).not.toThrow();
    expect(loadSession(broken, NOW)).toEqual({ session: null, expired: false });
  });
});

describe("expiry", () => {
  it("counts the time left to expiresAt", () => {
    expect(msUntilExpiry(session, NOW)).toBe(60 * 60 * 1000);
    expect(isExpired(session, NOW)).toBe(false);
  });

  it("is expired from the very moment of expiresAt", () => {
    expect(isExpired(session, Date.parse(session.expiresAt) - 1)).toBe(false);
    expect(isExpired(session, Date.parse(session.expiresAt))).toBe(true);
  });

  it("treats an unreadable expiresAt as expired", () => {
    expect(isExpired({ expiresAt: "soon" }, NOW)).toBe(true);
  });
});

describe("parseSession", () => {
  it.each([
    ["null", "null"],
    ["an array", "[]"],
    ["no token", JSON.stringify({ ...session, token: "" })],
    ["a bad date", JSON.stringify({ ...session, expiresAt: "tomorrow" })],
    ["an unknown role", JSON.stringify({ ...session, user: { ...session.user, roles: ["KING"] } })],
    ["no unit", JSON.stringify({ ...session, user: { ...session.user, unit: null } })],
  ])("rejects %s", (_name, text) => {
    expect(parseSession(text)).toBeNull();
  });

  it("keeps only the fields it knows", () => {
    const text = JSON.stringify({ ...session, extra: 1, user: { ...session.user, id: "VXNlcjox" } });
    expect(parseSession(text)).toEqual(session);
  });
});

describe("sessionFrom", () => {
  it("keeps the token, its expiry and who signed in from a signIn answer", () => {
    const payload = {
      token: session.token,
      expiresAt: session.expiresAt,
      user: { ...session.user, id: "VXNlcjo0", unit: { ...session.user.unit, id: "T3JnVW5pdDoy" } },
    };
    expect(sessionFrom(payload)).toEqual(session);
  });
});
