import { EventEmitter } from "node:events";
import Redis from "ioredis";

/**
 * Tells every instance "new event rows are committed". The signal carries no data: each instance then reads the
 * rows from the event table, in id order, so a lost or duplicated signal can delay an update but never lose,
 * reorder or repeat one. In-process when REDIS_URL is unset; Redis pub/sub across instances when it is set.
 */
export interface SignalBus {
  publish(): Promise<void>;
  onSignal(listener: () => void): void;
  /** Failed publishes so far (Redis unreachable): the table poll covers them. */
  readonly failures: number;
  close(): Promise<void>;
}

export class InProcessSignalBus implements SignalBus {
  private readonly emitter = new EventEmitter();
  readonly failures = 0;

  async publish(): Promise<void> {
    this.emitter.emit("signal");
  }
  onSignal(listener: () => void): void {
    this.emitter.on("signal", listener);
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = "assignment-tracker:events";

export class RedisSignalBus implements SignalBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners: (() => void)[] = [];
  failures = 0;

  constructor(url: string) {
    const options = {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (n: number) => Math.min(n * 200, 2000),
    };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const client of [this.publisher, this.subscriber]) client.on("error", () => undefined); // reconnects by itself
    void this.subscriber.subscribe(CHANNEL).catch(() => undefined);
    this.subscriber.on("message", () => this.listeners.forEach((listener) => listener()));
    // After a reconnect, something may have been missed: wake the readers up.
    this.subscriber.on("ready", () => this.listeners.forEach((listener) => listener()));
  }

  async publish(): Promise<void> {
    try {
      await this.publisher.publish(CHANNEL, "1");
    } catch {
      this.failures += 1;
    }
  }
  onSignal(listener: () => void): void {
    this.listeners.push(listener);
  }
  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
