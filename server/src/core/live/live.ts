import type { DataSource } from "typeorm";
import type { Config } from "../../config";
import { DashboardHub } from "../../features/dashboard/dashboard.hub";
import type { TokenAuthority } from "../auth/token";
import { EventFeed } from "./event-feed";
import { InProcessSignalBus, RedisSignalBus, type SignalBus } from "./signal-bus";

/** The per-process live-update machinery: the signal bus, the event feed and the dashboard hub. */
export interface LiveServices {
  bus: SignalBus;
  feed: EventFeed;
  hub: DashboardHub;
  stop(): Promise<void>;
}

export async function startLive(
  config: Pick<Config, "REDIS_URL" | "EVENT_POLL_MS" | "DASHBOARD_COALESCE_MS">,
  db: DataSource,
  tokens: TokenAuthority,
): Promise<LiveServices> {
  const bus: SignalBus = config.REDIS_URL ? new RedisSignalBus(config.REDIS_URL) : new InProcessSignalBus();
  const feed = new EventFeed(db, bus, config.EVENT_POLL_MS);
  await feed.start();
  const live = { bus, feed } as LiveServices;
  live.hub = new DashboardHub({ db, tokens, live }, feed, config.DASHBOARD_COALESCE_MS);
  live.stop = async () => {
    live.hub.stop();
    feed.stop();
    await bus.close();
  };
  return live;
}
