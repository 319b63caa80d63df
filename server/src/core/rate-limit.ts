import Redis from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { ApiKey } from "../features/api-keys/api-key.entity";
import type { Viewer } from "./auth/viewer";
import { rateLimitRejections } from "./observability/metrics";

/** Budgets of callers that are not API keys. Signed-in users of the first-party client are not metered. */
export const ANONYMOUS_BUDGET = { pointsPerHour: 100_000, burstPoints: 20_000 };
const BURST_SECONDS = 10;

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetAt: Date;
  cost: number;
}

/**
 * Cost-based rate limits per API key (and per address for anonymous callers): an hourly budget and a 10-second
 * burst limit, consumed by each operation's estimated cost. With REDIS_URL the counters live in Redis, so all
 * instances share one budget; without it (or while Redis is down), in memory.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(
    private readonly db: DataSource,
    redisUrl: string,
  ) {
    this.redis = redisUrl
      ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    this.redis?.on("error", () => undefined);
  }

  private limiter(points: number, duration: number): RateLimiterAbstract {
    const name = `${points}:${duration}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const memory = new RateLimiterMemory({ points, duration, keyPrefix: `rl:${name}` });
      limiter = this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            points,
            duration,
            keyPrefix: `at:rl:${name}`,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  private async budgetOf(
    viewer: Viewer | null,
    ip: string,
  ): Promise<{ key: string; pointsPerHour: number; burstPoints: number } | null> {
    if (viewer?.apiKeyId != null) {
      const key = await this.db.getRepository(ApiKey).findOneBy({ id: viewer.apiKeyId });
      return key
        ? { key: `key:${key.prefix}`, pointsPerHour: key.pointsPerHour, burstPoints: key.burstPoints }
        : null;
    }
    if (viewer) return null;
    return { key: `ip:${ip}`, ...ANONYMOUS_BUDGET };
  }

  /** Spends `cost` points; RATE_LIMITED (HTTP 429, with Retry-After) when the hour's budget or the burst is spent. */
  async consume(viewer: Viewer | null, ip: string, cost: number): Promise<RateLimitState | null> {
    const budget = await this.budgetOf(viewer, ip);
    if (!budget) return null;
    const points = Math.max(1, Math.ceil(cost));
    try {
      const burst = this.limiter(budget.burstPoints, BURST_SECONDS);
      await burst.consume(budget.key, points);
      const hour = await this.limiter(budget.pointsPerHour, 3600)
        .consume(budget.key, points)
        .catch(async (rejection: unknown) => {
          // Refused by the hourly budget: the request does not run, so it gives back the burst points it took.
          await burst.reward(budget.key, points).catch(() => undefined);
          throw rejection;
        });
      return {
        limit: budget.pointsPerHour,
        remaining: hour.remainingPoints,
        resetAt: new Date(Date.now() + hour.msBeforeNext),
        cost: points,
      };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      rateLimitRejections.inc({ caller: viewer?.apiKeyId != null ? "api_key" : "anonymous" });
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(
        `The budget of this key is spent for now (this query costs ${points} points); retry in ${retryAfter} s.`,
        {
          extensions: {
            code: "RATE_LIMITED",
            cost: { requested: points, remaining: Math.max(0, rejection.remainingPoints) },
            retryAfterSeconds: retryAfter,
            http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
          },
        },
      );
    }
  }

  close(): void {
    this.redis?.disconnect();
  }
}
