import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import { Counter, Gauge } from "prom-client";
import type { LiveServices } from "../live/live";
import { registry } from "./metrics";

/** The live machinery of the servers in this process (one in production, several in some tests). */
const lives = new Set<LiveServices>();
/** Totals of servers that have stopped, so that counters never go down. */
const retired = { publishFailures: 0, computations: 0 };

new Counter({
  name: "live_signal_publish_failures_total",
  help: "Pub/sub signals that could not be published (Redis unreachable); the table poll delivers those events.",
  registers: [registry],
  collect() {
    let total = retired.publishFailures;
    for (const live of lives) total += live.bus.failures;
    this.reset();
    this.inc(total);
  },
});

new Counter({
  name: "live_dashboard_computations_total",
  help: "Dashboard aggregates computed (once per burst of events per unit, year and month, whatever the subscribers).",
  registers: [registry],
  collect() {
    let total = retired.computations;
    for (const live of lives) total += live.hub.computations;
    this.reset();
    this.inc(total);
  },
});

new Gauge({
  name: "live_dashboard_keys",
  help: "Distinct dashboards (unit, year, month) with at least one subscriber.",
  registers: [registry],
  collect() {
    let keys = 0;
    for (const live of lives) keys += live.hub.size.keys;
    this.set(keys);
  },
});

new Gauge({
  name: "live_feed_last_event_id",
  help: "The id of the last event this instance's feed handed to subscribers.",
  registers: [registry],
  collect() {
    let last = 0;
    for (const live of lives) last = Math.max(last, live.feed.lastId);
    this.set(last);
  },
});

/** Exports a server's live machinery in the metrics until it stops. */
export function watchLive(live: LiveServices): () => void {
  lives.add(live);
  return () => {
    if (!lives.delete(live)) return;
    retired.publishFailures += live.bus.failures;
    retired.computations += live.hub.computations;
  };
}

/**
 * GET /metrics in Prometheus text format. With a token configured, only `Authorization: Bearer <token>` gets
 * them (401 otherwise); without one they are open, and the deployment keeps /metrics off the public network.
 */
export function metricsHandler(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (req: Request, res: Response): Promise<void> => {
    if (token) {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res
          .status(401)
          .set("www-authenticate", 'Bearer realm="metrics"')
          .type("text/plain")
          .send("Unauthorized\n");
        return;
      }
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
