import { entryFromEvent, entryFromLanded, mergeFeed, type FeedEntry } from "./feed";

const entry = (eventId: string, occurredAt: string, title = eventId): FeedEntry => ({
  eventId,
  occurredAt,
  title,
  year: 2016,
  unit: null,
});

describe("the confirmation feed", () => {
  it("lists confirmations newest first", () => {
    const feed = mergeFeed(
      [],
      [entry("a", "2016-09-17T08:00:00.000Z"), entry("b", "2016-09-17T09:00:00.000Z")],
      "history",
    );
    expect(feed.map((item) => item.eventId)).toEqual(["b", "a"]);
  });

  it("shows each event once, whether it came from the log, the stream or a replay after reconnecting", () => {
    let feed = mergeFeed([], [entry("a", "2016-09-17T08:00:00.000Z")], "live");
    feed = mergeFeed(
      feed,
      [entry("a", "2016-09-17T08:00:00.000Z"), entry("b", "2016-09-17T08:01:00.000Z")],
      "history",
    );
    feed = mergeFeed(feed, [entry("b", "2016-09-17T08:01:00.000Z")], "live");
    expect(feed.map((item) => item.eventId)).toEqual(["b", "a"]);
  });

  it("puts a live confirmation above older ones logged within the same second", () => {
    let feed = mergeFeed([], [entry("old", "2016-09-17T08:00:00.000Z")], "history");
    feed = mergeFeed(feed, [entry("new", "2016-09-17T08:00:00.000Z")], "live");
    expect(feed.map((item) => item.eventId)).toEqual(["new", "old"]);
    // History read late is still older than what arrived live.
    feed = mergeFeed(feed, [entry("older", "2016-09-17T08:00:00.000Z")], "history");
    expect(feed.map((item) => item.eventId)).toEqual(["new", "old", "older"]);
  });

  it("keeps only the latest ones", () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      entry(`e${index}`, `2016-09-17T08:${String(index).padStart(2, "0")}:00.000Z`),
    );
    const feed = mergeFeed([], many, "history", 20);
    expect(feed).toHaveLength(20);
    expect(feed[0].eventId).toBe("e29");
    expect(feed[19].eventId).toBe("e10");
  });

  it("returns the same list when nothing new arrives (no re-render)", () => {
    const feed = mergeFeed([], [entry("a", "2016-09-17T08:00:00.000Z")], "live");
    expect(mergeFeed(feed, [entry("a", "2016-09-17T08:00:00.000Z")], "live")).toBe(feed);
  });

  it("reads an entry from a confirmationLanded message and from a logged event's after-state", () => {
    const unit = {
      id: "u",
      code: "925.02.01",
      name: "Ấp Lộc Thạnh",
      kind: "HAMLET_CELL" as const,
      parent: null,
    };
    expect(
      entryFromLanded({
        confirmationLanded: {
          event: { id: "e1", occurredAt: "2016-09-17T08:00:00.000Z", unit },
          pledge: { id: "p1", title: "Xây 3 cây cầu", year: 2016 },
        },
      }),
    ).toEqual({
      eventId: "e1",
      occurredAt: "2016-09-17T08:00:00.000Z",
      title: "Xây 3 cây cầu",
      year: 2016,
      unit,
    });
    expect(
      entryFromEvent({
        id: "e2",
        occurredAt: "2016-09-17T09:00:00.000Z",
        after: { title: "Chợ", year: 2015 },
        unit,
      }),
    ).toMatchObject({ eventId: "e2", title: "Chợ", year: 2015 });
    expect(
      entryFromEvent({ id: "e3", occurredAt: "2016-09-17T09:00:00.000Z", after: null, unit: null }),
    ).toMatchObject({ title: "", year: null });
  });
});
