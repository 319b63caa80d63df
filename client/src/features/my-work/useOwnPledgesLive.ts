import { useEffect, useMemo, useRef } from "react";
import { useResumableStream, type LiveState } from "../../apollo/live-hooks";
import { throttle } from "../../shared/throttle";
import { PLEDGE_EVENTS_SUBSCRIPTION, type PledgeEventData } from "../inbox/inbox.query";

const REFETCH_MS = 500;

/**
 * Follows the pledge events the member may see (their home unit's subtree) and refetches their work when one
 * is about one of their own pledges: a committee confirming or rejecting it shows at once, with the reason,
 * without a reload. `unitCode` null: not subscribed yet.
 */
export function useOwnPledgesLive(
  unitCode: string | null,
  pledgeIds: ReadonlySet<string>,
  refetch: () => void,
): LiveState {
  const latest = useRef({ pledgeIds, refetch });
  latest.current = { pledgeIds, refetch };
  const throttled = useMemo(() => throttle(() => latest.current.refetch(), REFETCH_MS), []);
  useEffect(() => () => throttled.cancel(), [throttled]);

  const variables = useMemo(
    () => ({ filter: { under: { code: unitCode ?? "" }, entityTypes: ["Pledge"] } }),
    [unitCode],
  );
  return useResumableStream<PledgeEventData>({
    query: PLEDGE_EVENTS_SUBSCRIPTION,
    variables,
    since: null,
    enabled: unitCode !== null,
    eventIdOf: (data) => data.events.id,
    onData: (data) => {
      if (latest.current.pledgeIds.has(data.events.entityId)) throttled.request();
    },
  });
}
