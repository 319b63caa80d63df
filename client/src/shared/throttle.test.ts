import { throttle } from "./throttle";

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.run();
    },
  };
}

describe("throttle", () => {
  it("runs the first request at once", () => {
    const clock = manualClock();
    let runs = 0;
    throttle(() => runs++, 1000, clock).request();
    expect(runs).toBe(1);
  });

  it("collapses the requests within the interval into one run at its end", () => {
    const clock = manualClock();
    let runs = 0;
    const throttled = throttle(() => runs++, 1000, clock);
    throttled.request();
    clock.advance(100);
    throttled.request();
    throttled.request();
    clock.advance(500);
    throttled.request();
    expect(runs).toBe(1);
    clock.advance(400);
    expect(runs).toBe(2);
    clock.advance(5000);
    expect(runs).toBe(2);
  });

  it("runs at once again after a quiet interval", () => {
    const clock = manualClock();
    let runs = 0;
    const throttled = throttle(() => runs++, 1000, clock);
    throttled.request();
    clock.advance(1500);
    throttled.request();
    expect(runs).toBe(2);
  });

  it("drops a pending run when cancelled", () => {
    const clock = manualClock();
    let runs = 0;
    const throttled = throttle(() => runs++, 1000, clock);
    throttled.request();
    throttled.request();
    throttled.cancel();
    clock.advance(2000);
    expect(runs).toBe(1);
  });
});
