import { useCallback, useMemo, useState } from "react";
import { FIRST_PAGE, nextPage, previousPage, type CursorPagesState } from "./cursor-pages";

/**
 * Cursor pages that start over when `key` changes (another unit, another year): the state, and moves to the
 * next page (given the current page's `endCursor`) and back.
 */
export function useCursorPages(key: string) {
  const [state, setState] = useState<{ key: string; pages: CursorPagesState }>({ key, pages: FIRST_PAGE });
  const pages = state.key === key ? state.pages : FIRST_PAGE;
  const next = useCallback(
    (endCursor: string) =>
      setState((current) => ({
        key,
        pages: nextPage(current.key === key ? current.pages : FIRST_PAGE, endCursor),
      })),
    [key],
  );
  const previous = useCallback(
    () =>
      setState((current) => ({
        key,
        pages: previousPage(current.key === key ? current.pages : FIRST_PAGE),
      })),
    [key],
  );
  return useMemo(
    () => ({ after: pages.after, index: pages.index, next, previous }),
    [pages.after, pages.index, next, previous],
  );
}
