/**
 * Page-by-page navigation over a Relay connection: the cursors of the pages seen so far, so that "previous"
 * goes back without offsets (keyset pagination has none). `after` is the cursor to query the current page with.
 */
export interface CursorPages {
  /** The `after` of the current page; null on the first. */
  after: string | null;
  /** 0 for the first page. */
  index: number;
}

export const FIRST_PAGE: CursorPages & { stack: readonly (string | null)[] } = {
  after: null,
  index: 0,
  stack: [],
};

export type CursorPagesState = typeof FIRST_PAGE;

/** The page after the current one, from the current page's `endCursor`. */
export function nextPage(state: CursorPagesState, endCursor: string): CursorPagesState {
  return { after: endCursor, index: state.index + 1, stack: [...state.stack, state.after] };
}

/** The page before the current one (the first page stays the first). */
export function previousPage(state: CursorPagesState): CursorPagesState {
  if (state.index === 0) return state;
  const stack = state.stack.slice(0, -1);
  return { after: state.stack[state.stack.length - 1] ?? null, index: state.index - 1, stack };
}

/** Which items of `total` a page shows, 1-based, for "101–200 of 3,300". */
export function pageRange(index: number, pageSize: number, shown: number, total: number) {
  const from = shown === 0 ? 0 : index * pageSize + 1;
  return { from, to: Math.min(total, index * pageSize + shown), total };
}
