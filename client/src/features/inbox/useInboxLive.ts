import { useEffect, useMemo, useRef } from "react";
import { useResumableStream, type LiveState } from "../../apollo/live-hooks";
import { throttle } from "../../shared/throttle";
import { PLEDGE_EVENTS_SUBSCRIPTION, type PledgeEventData } from "./inbox.query";

/** A burst of pledge events (a committee deciding ten in a row) refetches the list at most this often. */
const REFETCH_MS = 500;

/**
 * Follows pledge events in the committee's subtree and refetches the inbox on each (throttled), so decisions
 * made elsewhere and new reports show without a reload. The stream resumes from the last event after a
 * reconnection: what changed meanwhile refetches the list too.
 */
export function useInboxLive(
  code: string,
  refetch: () => void,
  onEvent: (pledgeId: string, action: string) => void,
): LiveState {
  const latest = useRef({ refetch, onEvent });
  latest.current = { refetch, onEvent };
  const throttled = useMemo(() => throttle(() => latest.current.refetch(), REFETCH_MS), []);
  useEffect(() => () => throttled.cancel(), [throttled]);

  const variables = useMemo(() => ({ filter: { under: { code }, entityTypes: ["Pledge"] } }), [code]);
  return useResumableStream<PledgeEventData>({
    query: PLEDGE_EVENTS_SUBSCRIPTION,
    variables,
    since: null,
    eventIdOf: (data) => data.events.id,
    onData: (data) => {
      latest.current.onEvent(data.events.entityId, data.events.action);
      throttled.request();
    },
  });
}
