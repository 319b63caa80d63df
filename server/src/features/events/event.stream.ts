import { requireViewer } from "../../core/auth/viewer";
import type { Context } from "../../core/context";
import { ApiError, ErrorCode } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { Channel } from "../../core/live/channel";
import { subtreeUpperBound, type OrgUnit } from "../org-units/org-unit.entity";
import { Event } from "./event.entity";

export interface StreamFilter {
  /** Only events of units under this one (cut to the caller's subtree). */
  under?: OrgUnit | null;
  entityTypes?: string[] | null;
  actions?: string[] | null;
}

/** The part of the tree a stream covers: the intersection of the asked subtree and the caller's. */
export function streamPath(ctx: Context, under: OrgUnit | null | undefined): string {
  const viewer = requireViewer(ctx);
  if (!under || under.path.startsWith(viewer.unitPath)) return under?.path ?? viewer.unitPath;
  if (viewer.unitPath.startsWith(under.path)) return viewer.unitPath;
  throw new ApiError(ErrorCode.FORBIDDEN, "That unit is outside your subtree.", { unitCode: under.code });
}

const REPLAY_PAGE = 500;

/**
 * Every event the caller may see that matches, in id order: first those after `since` (replayed from the table),
 * then live ones as they commit, with no gap and no duplicate between the two. The live listener is attached
 * before the replay starts, and replay stops at the feed's position at that moment; live events wait until the
 * replay is done.
 */
export function eventStream(
  ctx: Context,
  since: string | null | undefined,
  filter: StreamFilter,
): Channel<Event> {
  const path = streamPath(ctx, filter.under);
  const upper = subtreeUpperBound(path);
  const accept = (e: Event) =>
    e.unitPath != null &&
    e.unitPath >= path &&
    e.unitPath < upper &&
    (!filter.entityTypes?.length || filter.entityTypes.includes(e.entityType)) &&
    (!filter.actions?.length || filter.actions.includes(e.action));

  const sinceId = since ? idOfType(since, "Event") : null;
  const feed = ctx.live.feed;
  const channel = new Channel<Event>();
  const startId = feed.lastId;
  let pending: Event[] | null = sinceId != null ? [] : null;
  const unlisten = feed.listen((events) => {
    for (const event of events) {
      if (!accept(event)) continue;
      if (pending) pending.push(event);
      else channel.push(event);
    }
  });
  channel.onClose(unlisten);

  if (sinceId != null) {
    void (async () => {
      try {
        let after = sinceId;
        while (!channel.isClosed && after < startId) {
          const query = ctx.db
            .getRepository(Event)
            .createQueryBuilder("e")
            .where("e.id > :after AND e.id <= :startId", { after, startId })
            .andWhere("e.unitPath >= :lo AND e.unitPath < :hi", { lo: path, hi: upper })
            .orderBy("e.id", "ASC")
            .limit(REPLAY_PAGE);
          if (filter.entityTypes?.length)
            query.andWhere("e.entityType IN (:...types)", { types: filter.entityTypes });
          if (filter.actions?.length)
            query.andWhere("e.action IN (:...actions)", { actions: filter.actions });
          const rows = await query.getMany();
          for (const row of rows) channel.push(row);
          if (rows.length < REPLAY_PAGE) break;
          after = rows[rows.length - 1].id;
        }
        const live = pending ?? [];
        pending = null;
        for (const event of live) channel.push(event);
      } catch (error) {
        channel.fail(error instanceof Error ? error : new Error(String(error)));
      }
    })();
  }
  return channel;
}

/** Maps a channel's values, dropping those the mapper turns into null; closing one closes the other. */
export function mapChannel<A, B>(source: Channel<A>, map: (value: A) => B | null): Channel<B> {
  const target = new Channel<B>();
  target.onClose(() => source.close());
  void (async () => {
    try {
      for await (const value of source) {
        const mapped = map(value);
        if (mapped !== null) target.push(mapped);
      }
      target.close();
    } catch (error) {
      target.fail(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return target;
}
