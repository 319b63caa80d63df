/**
 * The response cache's settings, read from the environment when a server starts (kept here rather than in
 * config.ts so that the cache stays one self-contained folder):
 * - RESPONSE_CACHE: "off" disables it (every response then says `x-response-cache: bypass`); default on.
 * - RESPONSE_CACHE_MAX_MB: the bound on the cached responses' JSON size, in MiB (default 64).
 * - RESPONSE_CACHE_TTL_SECONDS: how long an entry may be served at most, whatever the data version (default
 *   60): a safety net for writes that bypass the event log (see README.md in this folder).
 */
export interface ResponseCacheSettings {
  enabled: boolean;
  maxBytes: number;
  ttlMs: number;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw == null || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}

export function responseCacheSettings(env: NodeJS.ProcessEnv = process.env): ResponseCacheSettings {
  const switchValue = (env.RESPONSE_CACHE ?? "on").trim().toLowerCase();
  if (!["on", "off", ""].includes(switchValue))
    throw new Error(`RESPONSE_CACHE must be "on" or "off", not "${env.RESPONSE_CACHE}".`);
  return {
    enabled: switchValue !== "off",
    maxBytes: Math.floor(positiveNumber(env, "RESPONSE_CACHE_MAX_MB", 64) * 1024 * 1024),
    ttlMs: Math.floor(positiveNumber(env, "RESPONSE_CACHE_TTL_SECONDS", 60) * 1000),
  };
}
