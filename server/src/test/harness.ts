import type { DataSource } from "typeorm";
import { startServer, type RunningServer } from "../app";
import { createDataSource } from "../db/data-source";
import { migrate } from "../db/migrate";
import { seed } from "../demo/seed";
import { createTestDatabase, type TestDatabase } from "./databases";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  db: DataSource;
  server: RunningServer;
  database: TestDatabase;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns `data`. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/** A real server on a free port over a fresh, migrated database with the demo data: what a third party sees. */
export async function startTestServer(dialect: "sqlite" | "mysql", options: { seed?: boolean } = {}): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const db = createDataSource(database.config);
  await db.initialize();
  await migrate(db);
  if (options.seed !== false) await seed(db);
  const server = await startServer(database.config, db);
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
    return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
  };
  return {
    db,
    server,
    database,
    gql,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const result = await gql<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async stop() {
      await server.stop();
      await db.destroy();
      await database.drop();
    },
  };
}
