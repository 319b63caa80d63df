import { createContext, type ContextServices } from "../../core/context";
import { Channel } from "../../core/live/channel";
import type { EventFeed } from "../../core/live/event-feed";
import type { Event } from "../events/event.entity";
import type { OrgUnit } from "../org-units/org-unit.entity";
import { Role } from "../users/user.entity";
import { computeDashboard } from "./dashboard.compute";
import type { Dashboard } from "./dashboard.types";

interface Key {
  root: OrgUnit;
  year: number;
  month: number;
  subscribers: Set<Channel<Dashboard>>;
  snapshot: Dashboard | null;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
  computing: boolean;
}

/**
 * Fans dashboards out: subscribers of the same (unit, year, month) share one key; a burst of events in the
 * unit's subtree marks the key dirty, and after `coalesceMs` the figures are computed once and the same object is
 * sent to every subscriber. Cost per event does not grow with the number of subscribers.
 */
export class DashboardHub {
  private readonly keys = new Map<string, Key>();
  /** How many times figures were computed (tests and metrics). */
  computations = 0;
  private readonly unlisten: () => void;

  constructor(
    private readonly services: ContextServices,
    feed: EventFeed,
    private readonly coalesceMs: number,
  ) {
    this.unlisten = feed.listen((events) => this.onEvents(events));
  }

  subscribe(root: OrgUnit, year: number, month: number): Channel<Dashboard> {
    const name = `${root.id}:${year}:${month}`;
    let key = this.keys.get(name);
    if (!key) {
      key = {
        root,
        year,
        month,
        subscribers: new Set(),
        snapshot: null,
        dirty: true,
        timer: null,
        computing: false,
      };
      this.keys.set(name, key);
    }
    const channel = new Channel<Dashboard>(100);
    key.subscribers.add(channel);
    const k = key;
    channel.onClose(() => {
      k.subscribers.delete(channel);
      if (k.subscribers.size === 0) {
        if (k.timer) clearTimeout(k.timer);
        this.keys.delete(name);
      }
    });
    if (key.snapshot && !key.dirty) channel.push(key.snapshot);
    else this.schedule(key, 0);
    return channel;
  }

  /** Active keys and subscribers (metrics). */
  get size(): { keys: number; subscribers: number } {
    let subscribers = 0;
    for (const key of this.keys.values()) subscribers += key.subscribers.size;
    return { keys: this.keys.size, subscribers };
  }

  private onEvents(events: Event[]): void {
    for (const key of this.keys.values()) {
      if (events.some((e) => e.unitPath != null && e.unitPath.startsWith(key.root.path))) {
        key.dirty = true;
        this.schedule(key, this.coalesceMs);
      }
    }
  }

  private schedule(key: Key, delay: number): void {
    if (key.timer || key.computing) return;
    key.timer = setTimeout(() => void this.compute(key), delay);
  }

  private async compute(key: Key): Promise<void> {
    key.timer = null;
    key.computing = true;
    key.dirty = false;
    this.computations += 1;
    try {
      // A context that sees exactly the key's subtree: figures are the same for every subscriber of the key.
      const ctx = createContext(this.services, {
        userId: 0,
        username: "dashboard",
        roles: [Role.VIEWER],
        unitId: key.root.id,
        unitPath: key.root.path,
        memberId: null,
      });
      const lastEventId = this.services.live.feed.lastId;
      const snapshot = await computeDashboard(ctx, key.root, key.year, key.month, lastEventId);
      key.snapshot = snapshot;
      for (const subscriber of key.subscribers) subscriber.push(snapshot);
    } catch {
      key.dirty = true; // the database hiccuped: the next event or poll retries
    } finally {
      key.computing = false;
      if (key.dirty && key.subscribers.size > 0) this.schedule(key, this.coalesceMs);
    }
  }

  stop(): void {
    this.unlisten();
    for (const key of this.keys.values()) {
      if (key.timer) clearTimeout(key.timer);
      for (const subscriber of key.subscribers) subscriber.close();
    }
    this.keys.clear();
  }
}
