import { useCallback, useEffect, useState } from "react";

/** The app's pages and their paths. The API server answers every other path with index.html. */
export const PAGE_PATHS = { overview: "/", units: "/units" } as const;
export type PageKey = keyof typeof PAGE_PATHS;

export function pageForPath(pathname: string): PageKey {
  const path = pathname.replace(/\/+$/, "") || "/";
  const match = (Object.keys(PAGE_PATHS) as PageKey[]).find((key) => PAGE_PATHS[key] === path);
  return match ?? "overview";
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
    if (pageForPath(window.location.pathname) !== next) window.history.pushState(null, "", PAGE_PATHS[next]);
    setPage(next);
  }, []);

  return [page, navigate];
}
