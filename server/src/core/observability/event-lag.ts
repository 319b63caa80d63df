import { fromGlobalId } from "../global-id";
import { eventLag, eventsRead, pubsubFallbacks } from "./metrics";

/** When an event row was committed (its `occurredAt`) and when this instance's feed read it, in ms. */
interface Timing {
  committedAt: number;
  readAt: number;
}

interface EventLike {
  id: number;
  occurredAt: Date;
}

/** Timings of events the feed read, by object (event streams) and by id (dashboards name their last event). */
const byEvent = new WeakMap<object, Timing>();
const byId = new Map<number, Timing>();
const RECENT = 10_000;

const seconds = (ms: number) => Math.max(0, ms) / 1000;
// Label-bound once: the send stage runs for every message to every subscriber.
const commitToRead = eventLag.labels({ stage: "commit_to_read" });
const readToSend = eventLag.labels({ stage: "read_to_send" });
const commitToSend = eventLag.labels({ stage: "commit_to_send" });

/**
 * Called by the event feed with each batch it reads: observes commit → read, remembers the read time for the
 * send stage, and counts a poll-started read that found events as a pub/sub fallback.
 */
export function noteEventsRead(events: readonly EventLike[], via: "signal" | "poll"): void {
  const readAt = Date.now();
  eventsRead.inc({ via }, events.length);
  if (via === "poll" && events.length > 0) pubsubFallbacks.inc();
  for (const event of events) {
    const committedAt = event.occurredAt instanceof Date ? event.occurredAt.getTime() : NaN;
    if (Number.isNaN(committedAt)) continue;
    const timing = { committedAt, readAt };
    commitToRead.observe(seconds(readAt - committedAt));
    byEvent.set(event, timing);
    byId.set(event.id, timing);
  }
  // Keep the most recent ids only (Map iterates in insertion order, oldest first).
  if (byId.size > RECENT) {
    let excess = byId.size - RECENT;
    for (const id of byId.keys()) {
      if (excess-- <= 0) break;
      byId.delete(id);
    }
  }
}

const dashboardTimings = new WeakMap<object, Timing | null>();

/** The timing of the event a subscription payload carries: an Event, `{ event }`, or `{ lastEventId }`. */
function timingOf(payload: unknown): Timing | null {
  if (!payload || typeof payload !== "object") return null;
  const direct = byEvent.get(payload);
  if (direct) return direct;
  const inner = (payload as { event?: unknown }).event;
  if (inner && typeof inner === "object") return byEvent.get(inner) ?? null;
  const lastEventId = (payload as { lastEventId?: unknown }).lastEventId;
  if (typeof lastEventId !== "string") return null;
  // One dashboard object goes to every subscriber of its key: decode its id once.
  let timing = dashboardTimings.get(payload);
  if (timing === undefined) {
    try {
      timing = byId.get(fromGlobalId(lastEventId).id) ?? null;
    } catch {
      timing = null;
    }
    dashboardTimings.set(payload, timing);
  }
  return timing;
}

/**
 * Called just before a subscription message is written to its socket. `first` says it is the subscription's first
 * message: a dashboard's first message is the current state, not the delivery of an event, so it is not counted;
 * replayed events (`since`) were not read by the feed and are not counted either.
 */
export function noteSubscriptionSend(payload: unknown, first: boolean): void {
  const timing = timingOf(payload);
  if (!timing) return;
  if (first && (payload as { lastEventId?: unknown }).lastEventId !== undefined) return;
  const now = Date.now();
  readToSend.observe(seconds(now - timing.readAt));
  commitToSend.observe(seconds(now - timing.committedAt));
}
