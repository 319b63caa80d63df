import {
  authorizationHeader,
  headerView,
  isAuthRefusedClose,
  sessionEndFor,
  sessionEndNotice,
  shouldRetrySocket,
  wsConnectionParams,
} from "./auth-view";
import type { Session } from "./session";

const session: Session = {
  token: "t0k3n",
  expiresAt: "2016-09-17T09:00:00.000Z",
  user: {
    username: "viewer.codo",
    displayName: "Ban Tổ chức Huyện ủy Cờ Đỏ",
    roles: ["VIEWER"],
    unit: { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" },
  },
};

describe("headerView", () => {
  it("offers to sign in when there is no session", () => {
    expect(headerView(null, undefined)).toEqual({ signedIn: false });
  });

  it("shows the stored user's name and unit until the server answers", () => {
    expect(headerView(session, undefined)).toEqual({
      signedIn: true,
      username: "viewer.codo",
      displayName: "Ban Tổ chức Huyện ủy Cờ Đỏ",
      roles: ["VIEWER"],
      unit: { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" },
    });
  });

  it("prefers what the server says now about the same user", () => {
    const viewer = { ...session.user, unit: { ...session.user.unit, name: "Cờ Đỏ (mới)" } };
    expect(headerView(session, viewer)).toMatchObject({ signedIn: true, unit: { name: "Cờ Đỏ (mới)" } });
  });

  it("ignores a viewer answer about someone else (a stale cache)", () => {
    const other = { ...session.user, username: "admin", displayName: "Văn phòng Thành ủy" };
    expect(headerView(session, other)).toMatchObject({ displayName: "Ban Tổ chức Huyện ủy Cờ Đỏ" });
  });

  it("stays signed out whatever a stale viewer answer says", () => {
    expect(headerView(null, session.user)).toEqual({ signedIn: false });
  });
});

describe("sessionEndFor", () => {
  it("ends a session whose token expired or was refused", () => {
    expect(sessionEndFor("TOKEN_EXPIRED", "t0k3n")).toBe("expired");
    expect(sessionEndFor("UNAUTHENTICATED", "t0k3n")).toBe("rejected");
  });

  it("ends nothing for an anonymous request (public pages ask for people's data only when signed in)", () => {
    expect(sessionEndFor("UNAUTHENTICATED", null)).toBeNull();
  });

  it("ends nothing for other failures", () => {
    expect(sessionEndFor(null, "t0k3n")).toBeNull();
  });
});

describe("sessionEndNotice", () => {
  it("asks to sign in again after an expiry or a refusal, and says nothing after signing out", () => {
    expect(sessionEndNotice("expired")).toBe("auth.notice.expired");
    expect(sessionEndNotice("rejected")).toBe("auth.notice.rejected");
    expect(sessionEndNotice("signedOut")).toBeNull();
    expect(sessionEndNotice(null)).toBeNull();
  });
});

describe("sending the token", () => {
  it("as an HTTP Authorization header", () => {
    expect(authorizationHeader("t0k3n")).toBe("Bearer t0k3n");
  });

  it("in graphql-ws connectionParams, or nothing when anonymous", () => {
    expect(wsConnectionParams("t0k3n")).toEqual({ authorization: "Bearer t0k3n" });
    expect(wsConnectionParams(null)).toEqual({});
  });
});

describe("the socket's close codes", () => {
  it("recognises the server refusing the token (4403)", () => {
    expect(isAuthRefusedClose({ code: 4403, reason: "Forbidden" })).toBe(true);
    expect(isAuthRefusedClose({ code: 1006, reason: "" })).toBe(false);
    expect(isAuthRefusedClose(new Error("network"))).toBe(false);
  });

  it("retries a dropped or refused connection but not a refused token", () => {
    expect(shouldRetrySocket({ code: 1006, reason: "" })).toBe(true);
    expect(shouldRetrySocket({ code: 4499, reason: "Terminated" })).toBe(true);
    expect(shouldRetrySocket({ code: 4403, reason: "Forbidden" })).toBe(false);
    // What a browser emits first when the server cannot be reached (ECONNREFUSED while it restarts).
    expect(shouldRetrySocket({ type: "error" })).toBe(true);
    expect(shouldRetrySocket(new Error("network"))).toBe(true);
  });
});
