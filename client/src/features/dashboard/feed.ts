import type { ConfirmationLandedData, FeedUnit, RecentConfirmationsData } from "./dashboard.query";

/** One confirmation in the dashboard's feed. */
export interface FeedItem {
  eventId: string;
  occurredAt: string;
  title: string;
  year: number | null;
  unit: FeedUnit | null;
  /** Arrival order, to order confirmations logged within the same second. */
  order: number;
}

export type FeedEntry = Omit<FeedItem, "order">;

/** How many confirmations the feed keeps. */
export const FEED_LENGTH = 20;

/**
 * Adds confirmations to the feed, newest first, each event once. `history` entries (loaded by a query) are
 * older than anything already there; `live` ones (from the subscription) newer. Timestamps decide first.
 */
export function mergeFeed(
  current: readonly FeedItem[],
  incoming: readonly FeedEntry[],
  source: "history" | "live",
  limit = FEED_LENGTH,
): FeedItem[] {
  const known = new Set(current.map((item) => item.eventId));
  const fresh = incoming.filter((entry) => {
    if (known.has(entry.eventId)) return false;
    known.add(entry.eventId);
    return true;
  });
  if (fresh.length === 0) return current as FeedItem[];
  const orders = current.map((item) => item.order);
  const base = source === "live" ? Math.max(0, ...orders) + 1 : Math.min(0, ...orders) - fresh.length;
  const added = fresh.map((entry, index) => ({ ...entry, order: base + index }));
  return [...current, ...added]
    .sort((a, b) => compareText(b.occurredAt, a.occurredAt) || b.order - a.order)
    .slice(0, limit);
}

/** ISO timestamps of one format compare as text. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function entryFromLanded(data: ConfirmationLandedData): FeedEntry {
  const { event, pledge } = data.confirmationLanded;
  return {
    eventId: event.id,
    occurredAt: event.occurredAt,
    title: pledge.title,
    year: pledge.year,
    unit: event.unit,
  };
}

export function entryFromEvent(event: RecentConfirmationsData["events"]["nodes"][number]): FeedEntry {
  const after = event.after ?? {};
  return {
    eventId: event.id,
    occurredAt: event.occurredAt,
    title: typeof after.title === "string" ? after.title : "",
    year: typeof after.year === "number" ? after.year : null,
    unit: event.unit,
  };
}
