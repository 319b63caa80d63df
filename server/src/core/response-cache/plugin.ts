import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from "@apollo/server";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { Context } from "../context";
import type { LiveServices } from "../live/live";
import { isCacheable } from "./cacheable";
import { versionReader, type DataVersion } from "./data-version";
import { responseCacheLookups, responseCacheStores } from "./metrics";
import { ResponseStore } from "./response-store";
import { responseCacheSettings } from "./settings";

export const CACHE_HEADER = "x-response-cache";

type Outcome = "hit" | "miss" | "bypass";

/** What the result may depend on besides the document, its variables and the data: who asks, and today. */
function viewerKey(viewer: Viewer | null): string {
  if (!viewer) return "anonymous";
  return JSON.stringify([
    viewer.userId,
    viewer.apiKeyId ?? null,
    viewer.username,
    viewer.roles,
    viewer.unitId,
    viewer.unitPath,
    viewer.memberId,
  ]);
}

/**
 * Whole-response caching of read operations, never stale: a query's `data` is stored with the data version it
 * was computed at (the last event id: every mutation writes event rows, ids ascend in commit order) and served
 * again only while that is still the current version, which one statement reads before execution. The key is
 * the document (its hash), the operation name, the variables, the viewer (all its fields: roles, unit, member,
 * API key) and today's UTC date (`members` defaults to the current year). Only queries whose root fields are
 * all in CACHEABLE_ROOT_FIELDS are cached; results with errors never are. What depends on the request itself
 * (the cost extension and rate-limit headers, request id, statement count) is still computed per request by the
 * plugins that own it: a hit replaces execution only. Settings: settings.ts; what can still go stale: README.md.
 */
export function responseCachePlugin(db: DataSource, _live: LiveServices): ApolloServerPlugin<Context> {
  const settings = responseCacheSettings();
  if (!settings.enabled) {
    return {
      async requestDidStart() {
        responseCacheLookups.inc({ outcome: "bypass" });
        return {
          async willSendResponse({ response }) {
            response.http.headers.set(CACHE_HEADER, "bypass");
          },
        };
      },
    };
  }
  const store = new ResponseStore(settings.maxBytes, settings.ttlMs);
  const readVersion = versionReader(db);
  // Per parsed document (Apollo keeps one per document text) and operation: cacheable or not.
  const verdicts = new WeakMap<DocumentNode, Map<OperationDefinitionNode, boolean>>();

  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
      let outcome: Outcome = "bypass";
      let key: string | undefined;
      let version: DataVersion | null = null;
      return {
        async responseForOperation({ schema, document, operation, request, queryHash, contextValue }) {
          // No such operation in the document: execution answers with graphql-js's error, never cached.
          if (!operation) return null;
          let byOperation = verdicts.get(document);
          if (!byOperation) verdicts.set(document, (byOperation = new Map()));
          let cacheable = byOperation.get(operation);
          if (cacheable === undefined) {
            cacheable = isCacheable(schema, document, operation);
            byOperation.set(operation, cacheable);
          }
          if (!cacheable) return null;
          version = await readVersion();
          if (!version) return null;
          key = [
            queryHash,
            request.operationName ?? "",
            JSON.stringify(request.variables ?? {}),
            viewerKey(contextValue.viewer),
            new Date().toISOString().slice(0, 10),
          ].join("\n");
          const entry = store.get(key, version.token);
          if (!entry) {
            outcome = "miss";
            return null;
          }
          outcome = "hit";
          return {
            http: { headers: new HeaderMap() },
            body: { kind: "single", singleResult: { data: entry.data } },
          };
        },
        async willSendResponse({ response, errors }) {
          response.http.headers.set(CACHE_HEADER, outcome);
          responseCacheLookups.inc({ outcome });
          if (outcome !== "miss" || !key || !version) return;
          if ((errors?.length ?? 0) > 0 || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if ((result.errors?.length ?? 0) > 0 || result.data == null) return;
          if (response.http.status != null && response.http.status !== 200) return;
          if (!version.stillValid()) return;
          const data = result.data as Record<string, unknown>;
          if (store.set(key, version.token, version.order, data, JSON.stringify(data)))
            responseCacheStores.inc();
        },
      };
    },
  };
}
