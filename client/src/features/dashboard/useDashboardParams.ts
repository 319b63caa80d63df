import { useCallback, useEffect, useState } from "react";
import { dashboardSearch, readDashboardParams, type DashboardParams } from "./dashboard-params";

/**
 * The dashboard's unit, year, month and presentation mode, kept in the address bar (replaced, not pushed:
 * changing the year is not a step the back button should undo).
 */
export function useDashboardParams(
  defaultYear: number,
  lastYear: number,
): [DashboardParams, (change: Partial<DashboardParams>) => void] {
  const read = useCallback(
    () => readDashboardParams(window.location.search, defaultYear, lastYear),
    [defaultYear, lastYear],
  );
  const [params, setParams] = useState<DashboardParams>(read);

  useEffect(() => {
    const onPopState = () => setParams(read());
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [read]);

  const update = useCallback(
    (change: Partial<DashboardParams>) => {
      setParams((current) => {
        const next = { ...current, ...change };
        const search = dashboardSearch(next, defaultYear);
        window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
        return next;
      });
    },
    [defaultYear],
  );

  return [params, update];
}
