import { MoreThan, type DataSource } from "typeorm";
import { Event } from "../../features/events/event.entity";
import { sqlTally } from "../sql-counter";
import type { SignalBus } from "./signal-bus";
import { noteEventsRead } from "../observability/event-lag";

const PAGE = 1000;

/**
 * One per process: reads committed events from the table in id order and hands each batch to its listeners.
 * It reads when told (a local commit, a signal from another instance) and, as a fallback, every `pollMs`, so an
 * instance that missed a signal (Redis down, a crash between commit and publish) catches up by itself. Because
 * event ids ascend in commit order (see writeEvents), reading "id > lastId" never skips a row.
 */
export class EventFeed {
  private lastSeen = 0;
  private readonly listeners = new Set<(events: Event[]) => void>();
  private pulling: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** Batches read and events delivered, for tests and metrics. */
  readonly stats = { reads: 0, events: 0, polls: 0 };

  constructor(
    private readonly db: DataSource,
    private readonly bus: SignalBus,
    private readonly pollMs: number,
  ) {}

  /** The id of the last event handed to listeners. */
  get lastId(): number {
    return this.lastSeen;
  }

  async start(): Promise<void> {
    const row = await this.db
      .getRepository(Event)
      .createQueryBuilder("e")
      .select("MAX(e.id)", "max")
      .getRawOne<{ max: number | string | null }>();
    this.lastSeen = Number(row?.max ?? 0);
    this.bus.onSignal(() => void this.pull());
    this.timer = setInterval(() => {
      this.stats.polls += 1;
      void this.pull("poll");
    }, this.pollMs);
    this.timer.unref();
  }

  /** A local commit wrote events: read them now and tell the other instances. */
  signal(): void {
    void this.pull();
    void this.bus.publish();
  }

  listen(listener: (events: Event[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads everything after lastId; concurrent calls coalesce into one more read. `via`: what woke it (metrics). */
  pull(via: "signal" | "poll" = "signal"): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    // Outside any request's SQL tally: this work belongs to the process, not to the request that signalled.
    this.pulling = sqlTally
      .exit(() => this.readAll(via))
      .finally(() => {
        this.pulling = null;
        if (this.again) {
          this.again = false;
          void this.pull();
        }
      });
    return this.pulling;
  }

  private async readAll(via: "signal" | "poll"): Promise<void> {
    if (!this.db.isInitialized) return;
    for (;;) {
      let rows: Event[];
      try {
        rows = await this.db
          .getRepository(Event)
          .find({ where: { id: MoreThan(this.lastSeen) }, order: { id: "ASC" }, take: PAGE });
      } catch {
        return; // the database is unreachable: the next poll retries
      }
      if (rows.length === 0) return;
      this.stats.reads += 1;
      this.stats.events += rows.length;
      noteEventsRead(rows, via);
      this.lastSeen = rows[rows.length - 1].id;
      for (const listener of [...this.listeners]) listener(rows);
      if (rows.length < PAGE) return;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }
}
