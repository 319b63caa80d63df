import { createRequire } from "node:module";
import path from "node:path";
import type { FanoutOptions } from "./fanout.js";
import { REPO_ROOT, SERVER_MAIN } from "./paths.js";
import { JWT_SECRET, startServer, type ServerProcess } from "./server-process.js";

/** What the subscribers connect to: one API process, or nginx in front of several (`pnpm scale:local`). */
export interface ApiUnderTest {
  wsUrl: string;
  gql: ServerProcess["gql"];
  data: ServerProcess["data"];
  /** Every process of the API (summed for RSS and CPU). */
  pids: number[];
  stop(): Promise<void>;
}

export async function startApi(options: FanoutOptions, clients: number): Promise<ApiUnderTest> {
  if (!options.scaleLocal) {
    const server = await startServer({
      databaseUrl: options.database.url,
      dataDir: options.database.dataDir,
      cpuProfName: options.cpuProf ? `fanout-${clients}-${Date.now()}.cpuprofile` : undefined,
    });
    return { ...server, pids: [server.pid] };
  }
  // The production shape on loopback: nginx, three API processes, MariaDB and Redis (scripts/scale-local-core.cjs).
  const require = createRequire(import.meta.url);
  const { startScaleLocal } = require(path.join(REPO_ROOT, "scripts", "scale-local-core.cjs")) as {
    startScaleLocal(options: object): Promise<any>;
  };
  const database = new URL(options.database.url).pathname.slice(1);
  const shape = await startScaleLocal({
    port: 0,
    database,
    fresh: false,
    seed: true,
    serverDist: path.dirname(SERVER_MAIN),
    clientDist: "",
    jwtSecret: JWT_SECRET,
    env: { LOG_LEVEL: "warn", NODE_ENV: "production" },
    log: () => undefined,
  });
  const gql: ServerProcess["gql"] = async (query, variables, token) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(shape.graphqlUrl, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(120_000),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  return {
    wsUrl: shape.wsUrl,
    gql,
    data: async (query, variables, token) => {
      const { body } = await gql(query, variables, token);
      if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    pids: [...shape.instances.map((i: { pid: number }) => i.pid), shape.nginxPid],
    stop: () => shape.stop(),
  };
}
