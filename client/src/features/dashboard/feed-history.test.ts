import type { RecentConfirmationsVariables } from "./dashboard.query";
import { loadRecentConfirmations, type FetchPage } from "./feed-history";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2016-09-17T12:00:00.000Z");

/** An event log of confirmations at these times, answering like `events(filter: { from, to }, first: 2)`. */
function log(times: number[], pageSize = 2) {
  const calls: RecentConfirmationsVariables[] = [];
  const events = times
    .sort((a, b) => a - b)
    .map((time, index) => ({
      id: `e${index}`,
      occurredAt: new Date(time).toISOString(),
      after: { title: `t${index}` },
      unit: null,
    }));
  const fetchPage: FetchPage = async (variables) => {
    calls.push(variables);
    const from = Date.parse(variables.from);
    const to = variables.to ? Date.parse(variables.to) : Infinity;
    const inWindow = events.filter((event) => {
      const time = Date.parse(event.occurredAt);
      return time >= from && time < to;
    });
    const start = variables.after ? Number(variables.after) : 0;
    const nodes = inWindow.slice(start, start + pageSize);
    const end = start + nodes.length;
    return { nodes, pageInfo: { hasNextPage: end < inWindow.length, endCursor: String(end) } };
  };
  return { fetchPage, calls };
}

describe("loading the latest confirmations from the event log", () => {
  it("reads the last day, page by page, when it holds enough", async () => {
    const { fetchPage, calls } = log([1, 2, 3, 4, 5].map((hours) => NOW - hours * 60 * 60 * 1000));
    const entries = await loadRecentConfirmations(fetchPage, "925", NOW, 3);
    expect(entries.map((entry) => entry.title)).toEqual(["t2", "t3", "t4"]);
    expect(calls.every((call) => call.to == null)).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it("goes back a week, a month and a year, without reading a window twice", async () => {
    const { fetchPage, calls } = log([NOW - 2 * DAY, NOW - 20 * DAY, NOW - 200 * DAY, NOW - 400 * DAY]);
    const entries = await loadRecentConfirmations(fetchPage, "925", NOW, 10);
    expect(entries.map((entry) => entry.occurredAt)).toEqual(
      [NOW - 200 * DAY, NOW - 20 * DAY, NOW - 2 * DAY].map((time) => new Date(time).toISOString()),
    );
    const windows = calls.map((call) => [call.from, call.to ?? null]);
    expect(windows).toEqual([
      [new Date(NOW - DAY).toISOString(), null],
      [new Date(NOW - 7 * DAY).toISOString(), new Date(NOW - DAY).toISOString()],
      [new Date(NOW - 30 * DAY).toISOString(), new Date(NOW - 7 * DAY).toISOString()],
      [new Date(NOW - 365 * DAY).toISOString(), new Date(NOW - 30 * DAY).toISOString()],
    ]);
  });

  it("answers an empty list for a subtree with no confirmations", async () => {
    const { fetchPage } = log([]);
    expect(await loadRecentConfirmations(fetchPage, "925", NOW)).toEqual([]);
  });
});
