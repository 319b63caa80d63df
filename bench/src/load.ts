import autocannon from "autocannon";
import { percentile, round, sortedFloat64 } from "./stats.js";

export interface LoadTarget {
  url: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  rps: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  /** Responses that were not 2xx, plus connection errors and timeouts: all must be 0 for the figures to count. */
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number | null;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

function run(target: LoadTarget, connections: number, seconds: number, record: boolean) {
  const latencies: number[] = [];
  let bytes = 0;
  return new Promise<{ result: autocannon.Result; latencies: number[]; bytes: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, bytes })),
    );
    if (record)
      instance.on("response", (_client, statusCode, resBytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        bytes += resBytes;
      });
  });
}

/**
 * A warm-up run (discarded), then a measured run at a fixed number of connections for a fixed time. Latencies are
 * recorded per response (autocannon's own histogram has p97.5 but no p95).
 */
export async function measureLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await run(target, options.connections, options.warmupSeconds, false);
  const { result, latencies, bytes } = await run(target, options.connections, options.durationSeconds, true);
  const sorted = sortedFloat64(latencies);
  const elapsed = result.duration || options.durationSeconds;
  return {
    requests: sorted.length,
    rps: round(sorted.length / elapsed, 0),
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    p99: round(percentile(sorted, 99), 2),
    max: round(percentile(sorted, 100), 2),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.requests.total ? round(bytes / result.requests.total, 0) : null,
  };
}
