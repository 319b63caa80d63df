export interface Throttled {
  /** Asks for a run: at once if none ran in the last `interval` ms, else once at the end of it. */
  request(): void;
  /** Drops a pending run. */
  cancel(): void;
}

interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `run` at most once per `interval` ms, leading and trailing: the first request runs at once, requests
 * within the interval after it collapse into one run at its end. For refetching slow queries on live events.
 */
export function throttle(run: () => void, interval: number, clock: Clock = realClock): Throttled {
  let lastRun = -Infinity;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    lastRun = clock.now();
    run();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = lastRun + interval - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
