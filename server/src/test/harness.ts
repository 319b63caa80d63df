import type { DataSource } from "typeorm";
import type { Config } from "../config";
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

export interface TestClient {
  token: string | null;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns `data`. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface TestServer extends TestClient {
  db: DataSource;
  server: RunningServer;
  database: TestDatabase;
  /** A client signed in as a demo user (password `demo-2016`). */
  as(username: string): Promise<TestClient>;
  stop(): Promise<void>;
}

export const DEMO_PASSWORD = "demo-2016";

/** A real server on a free port over a fresh, migrated database with the demo data: what a third party sees. */
export async function startTestServer(
  dialect: "sqlite" | "mysql",
  options: { seed?: boolean; config?: Partial<Config> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  Object.assign(database.config, options.config ?? {});
  const db = createDataSource(database.config);
  await db.initialize();
  await migrate(db);
  if (options.seed !== false) await seed(db);
  const server = await startServer(database.config, db);
  const client = (token: string | null): TestClient => {
    const gql = async <T>(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<GraphQLResponse<T>> => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(server.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
    };
    return {
      token,
      gql,
      async data<T>(query: string, variables?: Record<string, unknown>) {
        const result = await gql<T>(query, variables);
        if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
        return result.data as T;
      },
    };
  };
  const anonymous = client(null);
  const tokens = new Map<string, string>();
  return {
    ...anonymous,
    db,
    server,
    database,
    async as(username: string) {
      let token = tokens.get(username);
      if (!token) {
        const data = await anonymous.data<{ signIn: { token: string } }>(
          `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`,
          { u: username, p: DEMO_PASSWORD },
        );
        token = data.signIn.token;
        tokens.set(username, token);
      }
      return client(token);
    },
    async stop() {
      await server.stop();
      await db.destroy();
      await database.drop();
    },
  };
}
