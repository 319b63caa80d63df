import type { ApolloServerPlugin } from "@apollo/server";
import type { DataSource } from "typeorm";
import type { Context } from "../context";
import type { LiveServices } from "../live/live";

/** Whole-response caching of read operations (none yet: every operation executes). */
export function responseCachePlugin(_db: DataSource, _live: LiveServices): ApolloServerPlugin<Context> {
  return {};
}
