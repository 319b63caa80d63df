import { skipToken, useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useLiveDashboard, useResumableStream, type LiveState } from "../../apollo/live-hooks";
import { throttle } from "../../shared/throttle";
import { useCursorPages } from "../../shared/useCursorPages";
import {
  CHILD_RATES_QUERY,
  CONFIRMATION_LANDED_SUBSCRIPTION,
  DASHBOARD_SUBSCRIPTION,
  NTM_MATRIX_QUERY,
  type ConfirmationLandedData,
  type DashboardFigures,
} from "./dashboard.query";
import { entryFromLanded, mergeFeed, type FeedItem } from "./feed";
import { apolloFetchPage, loadRecentConfirmations } from "./feed-history";

/** The slower detail queries are refetched on live changes at most this often. */
const DETAIL_REFETCH_MS = 3000;

export interface ConfirmationFeed {
  items: FeedItem[];
  /** True until the recent confirmations have been read from the event log. */
  loading: boolean;
  error: unknown;
  live: LiveState;
}

/**
 * Everything the live dashboard shows for a unit and year (and month, for visit compliance):
 * - the aggregate from `dashboard(unit, year, month)`, fresh at once and after every burst of changes (and
 *   after a reconnection);
 * - the detail queries (rates of the units below, the NTM matrix), refetched when the aggregate's
 *   `lastEventId` moves, throttled;
 * - the feed of confirmations: the latest ones from the event log, then `confirmationLanded` from the
 *   aggregate's first `lastEventId`, resumed after reconnections, so nothing is missed or shown twice.
 * Details and feed use the unit the aggregate covers (the one asked, cut to what the user may see).
 */
export function useDashboardData(code: string, year: number, month: number | null | undefined) {
  // month undefined: not decided yet (the default month is being looked up), nothing subscribed.
  const variables = useMemo(
    () => (month === undefined ? null : { unit: { code }, year, ...(month !== null ? { month } : {}) }),
    [code, year, month],
  );
  const live = useLiveDashboard<DashboardFigures>(DASHBOARD_SUBSCRIPTION, variables);
  const figures = live.dashboard;
  const covered = figures?.unit.code ?? null;

  const detailVariables = covered ? { code: covered, year } : undefined;
  // no-cache: UnitSummary has no id, so cached copies of other pages' summaries would be overwritten.
  const rates = useQuery(
    CHILD_RATES_QUERY,
    detailVariables ? { variables: detailVariables, fetchPolicy: "no-cache" } : skipToken,
  );
  const matrixPages = useCursorPages(`${covered}/${year}`);
  const matrix = useQuery(
    NTM_MATRIX_QUERY,
    detailVariables ? { variables: { ...detailVariables, after: matrixPages.after } } : skipToken,
  );

  useRefetchOnChange(figures?.lastEventId ?? null, covered, () => {
    void rates.refetch().catch(() => undefined);
    void matrix.refetch().catch(() => undefined);
  });

  const feed = useConfirmationFeed(covered, figures?.lastEventId);
  return { live, figures, rates, matrix, matrixPages, feed };
}

/**
 * Calls `refetch` (throttled) when `position` changes after the first value seen for `scope`: the first
 * value is what the detail queries were loaded with.
 */
function useRefetchOnChange(position: string | null, scope: string | null, refetch: () => void) {
  const latest = useRef(refetch);
  latest.current = refetch;
  const seen = useRef<{ scope: string | null; position: string | null } | null>(null);
  const throttled = useMemo(() => throttle(() => latest.current(), DETAIL_REFETCH_MS), []);
  useEffect(() => () => throttled.cancel(), [throttled]);

  useEffect(() => {
    if (scope === null) return;
    const previous = seen.current;
    seen.current = { scope, position };
    if (previous && previous.scope === scope && previous.position !== position) throttled.request();
  }, [scope, position, throttled]);
}

function useConfirmationFeed(code: string | null, lastEventId: string | null | undefined): ConfirmationFeed {
  const client = useApolloClient();
  const [state, setState] = useState<{
    code: string | null;
    items: FeedItem[];
    loading: boolean;
    error: unknown;
  }>({ code: null, items: [], loading: true, error: null });
  // Where the stream starts: the first aggregate's position for this unit, kept across later aggregates
  // (the stream resumes by itself after reconnections).
  const [start, setStart] = useState<{ code: string; since: string | null } | null>(null);

  if (code !== null && lastEventId !== undefined && start?.code !== code) {
    setStart({ code, since: lastEventId });
  }
  if (state.code !== code) setState({ code, items: [], loading: true, error: null });

  useEffect(() => {
    if (code === null) return;
    let cancelled = false;
    loadRecentConfirmations(apolloFetchPage(client), code, Date.now()).then(
      (entries) => {
        if (cancelled) return;
        setState((current) =>
          current.code === code
            ? { ...current, items: mergeFeed(current.items, entries, "history"), loading: false }
            : current,
        );
      },
      (error: unknown) => {
        if (!cancelled)
          setState((current) => (current.code === code ? { ...current, loading: false, error } : current));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, code]);

  const streaming = start !== null && start.code === code;
  const live = useResumableStream<ConfirmationLandedData>({
    query: CONFIRMATION_LANDED_SUBSCRIPTION,
    variables: { unit: { code: start?.code ?? code } },
    since: start?.since ?? null,
    enabled: streaming,
    eventIdOf: (data) => data.confirmationLanded.event.id,
    onData: (data) => {
      const entry = entryFromLanded(data);
      setState((current) =>
        current.code === code ? { ...current, items: mergeFeed(current.items, [entry], "live") } : current,
      );
    },
  });

  return { items: state.items, loading: state.loading, error: state.error, live };
}
