import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROFILES_DIR, SERVER_MAIN, SERVER_ROOT } from "./paths.js";

export const DEMO_PASSWORD = "demo-2016";

export interface GqlResponse {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

export interface ServerProcess {
  url: string;
  wsUrl: string;
  pid: number;
  process: ChildProcess;
  /** The last lines the server printed (for error messages). */
  tail(): string;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse>;
  /** `gql` that throws on a GraphQL error and returns `data`. */
  data(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  signIn(username: string): Promise<string>;
  /** SIGTERM (the server drains and exits, writing its CPU profile if one was asked for). */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** mariadb:// or mysql:// URL; empty for SQLite in `dataDir`. */
  databaseUrl: string;
  dataDir?: string;
  /** Profile the process with V8's sampling profiler; the .cpuprofile is written to bench/results/profiles. */
  cpuProfName?: string;
  env?: Record<string, string>;
}

/** Profiles asked for in this run, with how long the server took to start (left out of the summaries). */
export const profiled: { name: string; startupMs: number }[] = [];

/** One JWT secret for every server of a run, so tokens stay valid when a server is restarted on the same data. */
export const JWT_SECRET = randomBytes(32).toString("hex");

/**
 * Starts the built server (`node server/dist/main.js`) as its own process, configured only through its
 * environment (server/src/config.ts), and resolves once it prints its URL.
 */
export function startServer(options: ServerOptions): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_MAIN))
    throw new Error(`${SERVER_MAIN} is missing: build the server first (pnpm --filter ./server build)`);
  const nodeArgs: string[] = [];
  if (options.cpuProfName) {
    fs.mkdirSync(PROFILES_DIR, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${PROFILES_DIR}`, `--cpu-prof-name=${options.cpuProfName}`);
  }
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], {
    cwd: SERVER_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      // A build outside server/ (BENCH_SERVER_MAIN) still finds the server's dependencies.
      NODE_PATH: path.join(SERVER_ROOT, "node_modules"),
      PORT: "0",
      HOST: "127.0.0.1",
      CLIENT_DIST: "",
      SEED_ON_START: "if-empty",
      JWT_SECRET,
      DATABASE_URL: options.databaseUrl,
      ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
      // Request logs would measure the terminal, not the API: only warnings and errors.
      LOG_LEVEL: "warn",
      LOG_SQL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    // Always drain the pipes (a full pipe would block the server); keep the last 8 KB for error messages.
    output = (output + String(chunk)).slice(-8192);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within 120 s:\n${output}`));
    }, 120_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening:\n${output}`));
    };
    child.once("exit", onExit);
    const onData = () => {
      const match = /GraphQL API:\s+(http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stdout!.off("data", onData);
      const url = match[1];
      if (options.cpuProfName)
        profiled.push({ name: options.cpuProfName, startupMs: performance.now() - spawnedAt });
      const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (token) headers.authorization = `Bearer ${token}`;
        const response = await fetch(url, {
          method: "POST",
          headers,
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(120_000),
        });
        return { status: response.status, headers: response.headers, body: (await response.json()) as any };
      };
      const data = async (query: string, variables?: Record<string, unknown>, token?: string) => {
        const { body } = await gql(query, variables, token);
        if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)} in ${query}`);
        return body.data;
      };
      resolve({
        url,
        wsUrl: url.replace(/^http/, "ws"),
        pid: child.pid!,
        process: child,
        tail: () => output,
        gql,
        data,
        async signIn(username) {
          const result = await data(
            `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`,
            { u: username, p: DEMO_PASSWORD },
          );
          return result.signIn.token as string;
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode != null || child.signalCode != null) return done();
            const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.kill("SIGTERM");
          }),
      });
    };
    child.stdout!.on("data", onData);
  });
}
