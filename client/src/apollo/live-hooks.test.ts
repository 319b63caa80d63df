import { reconnectDelay } from "./client";
import { classifyLiveFailure, liveStatusStoreOf } from "./live-hooks";

describe("live subscriptions in React", () => {
  it("says a refused subscription by its error code, and a failed socket as a network failure", () => {
    expect(classifyLiveFailure([{ message: "…", extensions: { code: "FORBIDDEN" } }])).toEqual({
      kind: "api",
      code: "FORBIDDEN",
    });
    expect(classifyLiveFailure([{ message: "…" }])).toEqual({ kind: "api", code: "UNKNOWN" });
    expect(classifyLiveFailure({ code: 1006, reason: "" })).toEqual({ kind: "network" });
    expect(classifyLiveFailure(new Error("socket hang up"))).toEqual({ kind: "network" });
  });

  it("keeps one status store per Apollo client, shared by the header and the pages", () => {
    const one = {};
    const other = {};
    expect(liveStatusStoreOf(one)).toBe(liveStatusStoreOf(one));
    expect(liveStatusStoreOf(one)).not.toBe(liveStatusStoreOf(other));
    const slot = liveStatusStoreOf(one).track("live");
    expect(liveStatusStoreOf(one).status()).toBe("live");
    slot.report("reconnecting");
    expect(liveStatusStoreOf(one).status()).toBe("reconnecting");
    slot.release();
    expect(liveStatusStoreOf(one).status()).toBeNull();
  });
});

describe("reconnecting", () => {
  it("waits 1 s, 2 s, 4 s… up to 30 s between attempts, plus jitter", () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 10, 50].map((retries) => reconnectDelay(retries, none))).toEqual([
      1300, 2300, 4300, 8300, 16300, 30300, 30300, 30300,
    ]);
    expect(reconnectDelay(0, () => 0.999)).toBeLessThanOrEqual(4000);
  });
});
