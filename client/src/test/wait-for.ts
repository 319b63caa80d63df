/**
 * Retries `check` until it stops throwing, like Testing Library's waitFor but usable in the node environment and
 * under jest's fake timers (which it advances, so timers due meanwhile fire).
 */
export async function waitFor<T>(
  check: () => T,
  { timeout = 1000, interval = 10 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const fakeTimers = "clock" in setTimeout;
  let waited = 0;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (waited >= timeout) throw error;
    }
    if (fakeTimers) await jest.advanceTimersByTimeAsync(interval);
    else await new Promise((resolve) => setTimeout(resolve, interval));
    waited += interval;
  }
}
