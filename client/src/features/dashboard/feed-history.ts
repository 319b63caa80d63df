import type { ApolloClient } from "@apollo/client";
import {
  RECENT_CONFIRMATIONS_QUERY,
  type RecentConfirmationsData,
  type RecentConfirmationsVariables,
} from "./dashboard.query";
import { entryFromEvent, FEED_LENGTH, type FeedEntry } from "./feed";

const DAY = 24 * 60 * 60 * 1000;
/** Windows looked at, newest first, until the feed is full: the last day, week, month and year. */
const WINDOWS_DAYS = [1, 7, 30, 365];
/** Pages of 100 read per window at most. */
const MAX_PAGES = 10;

type Page = RecentConfirmationsData["events"];
export type FetchPage = (variables: RecentConfirmationsVariables) => Promise<Page>;

/**
 * The latest confirmations logged in a subtree, oldest first. The event log lists oldest first only, so this
 * reads back in time window by window (each paged forwards) until it has `limit` of them or a year's worth.
 */
export async function loadRecentConfirmations(
  fetchPage: FetchPage,
  code: string,
  now: number,
  limit = FEED_LENGTH,
): Promise<FeedEntry[]> {
  let collected: FeedEntry[] = [];
  let to: string | null = null;
  for (const days of WINDOWS_DAYS) {
    const from = new Date(now - days * DAY).toISOString();
    const window: FeedEntry[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result: Page = await fetchPage({ code, from, to, after });
      window.push(...result.nodes.map(entryFromEvent));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    collected = [...window, ...collected];
    if (collected.length >= limit) break;
    to = from;
  }
  return collected.slice(-limit);
}

/** `fetchPage` over an Apollo client, bypassing the cache (the feed keeps its own list). */
export function apolloFetchPage(client: ApolloClient): FetchPage {
  return async (variables) => {
    const { data } = await client.query({
      query: RECENT_CONFIRMATIONS_QUERY,
      variables,
      fetchPolicy: "no-cache",
    });
    if (!data) throw new Error("The event log answered without data.");
    return data.events;
  };
}
