import { Counter, Gauge } from "prom-client";
import { registry } from "../observability/metrics";

export const responseCacheLookups = new Counter({
  name: "graphql_response_cache_lookups_total",
  help: "GraphQL requests over HTTP by what the response cache did: hit (served from it), miss (executed, then stored when free of errors), bypass (not cacheable: mutations, non-allowed fields, cache off).",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const responseCacheStores = new Counter({
  name: "graphql_response_cache_stores_total",
  help: "Responses stored in the response cache.",
  registers: [registry],
});

export const responseCacheEvictions = new Counter({
  name: "graphql_response_cache_evictions_total",
  help: "Entries dropped from the response cache, by reason: size (least recently used, over the byte bound), expired (past the TTL), replaced (a newer data version stored under the same key).",
  labelNames: ["reason"] as const,
  registers: [registry],
});

export const responseCacheBytes = new Gauge({
  name: "graphql_response_cache_bytes",
  help: "UTF-8 JSON size of the data the response cache holds, keys included.",
  registers: [registry],
});

export const responseCacheEntries = new Gauge({
  name: "graphql_response_cache_entries",
  help: "Entries the response cache holds.",
  registers: [registry],
});
