import { useCallback, useEffect, useState } from "react";

/** The app's pages and their paths. The API server answers every other path with index.html. */
export const PAGE_PATHS = {
  overview: "/",
  dashboard: "/dashboard",
  inbox: "/inbox",
  units: "/units",
  myWork: "/my-work",
  ntm: "/ntm",
  delegations: "/delegations",
  evaluations: "/evaluations",
  explorer: "/explorer",
} as const;
export type PageKey = keyof typeof PAGE_PATHS;

export function pageForPath(pathname: string): PageKey {
  const path = pathname.replace(/\/+$/, "") || "/";
  // A page also owns the paths below its own (e.g. /units/925 belongs to "units").
  const match = (Object.keys(PAGE_PATHS) as PageKey[]).find(
    (key) => PAGE_PATHS[key] === path || (PAGE_PATHS[key] !== "/" && path.startsWith(`${PAGE_PATHS[key]}/`)),
  );
  return match ?? "overview";
}

/**
 * Goes to a path inside the app (e.g. `/units/925`): pushes it and tells every `usePage`/`useLocationPath`
 * through a popstate event, as the back button does.
 */
export function navigateTo(path: string): void {
  if (window.location.pathname + window.location.search === path) return;
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** The address bar's path, following navigateTo and the back and forward buttons. */
export function useLocationPath(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  return path;
}

/** The current page, kept in the address bar so reloads and the back button work. */
export function usePage(): [PageKey, (page: PageKey) => void] {
  const [page, setPage] = useState<PageKey>(() => pageForPath(window.location.pathname));

  useEffect(() => {
    const onPopState = () => setPage(pageForPath(window.location.pathname));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const navigate = useCallback((next: PageKey) => {
    // From /units/925, the menu's "units" goes back to /units (and the units page hears of it).
    navigateTo(PAGE_PATHS[next]);
    setPage(next);
  }, []);

  return [page, navigate];
}
