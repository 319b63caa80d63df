import { registerEnumType } from "type-graphql";

/** The order of the event log, by event id (commit order). */
export enum EventOrder {
  OLDEST_FIRST = "OLDEST_FIRST",
  NEWEST_FIRST = "NEWEST_FIRST",
}

registerEnumType(EventOrder, {
  name: "EventOrder",
  description:
    "Which end of the event log a page starts from. Events are ordered by `id`, which ascends in commit order.",
  valuesConfig: {
    OLDEST_FIRST: {
      description: "Oldest first (ascending id): read the log forwards, as the subscriptions do.",
    },
    NEWEST_FIRST: {
      description:
        "Newest first (descending id): the latest changes, then older ones page by page with `after`.",
    },
  },
});
