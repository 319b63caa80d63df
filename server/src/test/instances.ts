import { spawn, type ChildProcess, execFileSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { DEMO_PASSWORD } from "./harness";

const SERVER_ROOT = path.resolve(__dirname, "..", "..");
export const TEST_DIST = path.join(SERVER_ROOT, ".test-dist");

/** Compiles the server once for tests that start it as separate processes (as production runs it). */
export function buildServerForProcesses(): void {
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", TEST_DIST],
    {
      cwd: SERVER_ROOT,
      stdio: "inherit",
    },
  );
}

export interface Instance {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  output: string[];
  signIn(username: string): Promise<string>;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
  stop(): Promise<void>;
}

/** Starts `node main.js` in its own process with these variables; resolves when it prints its URL. */
export function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, [path.join(TEST_DIST, "main.js")], {
    cwd: SERVER_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SEED_ON_START: "never", CLIENT_DIST: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${output.join("")}`)), 30000);
    child.stderr!.on("data", (chunk) => output.push(String(chunk)));
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}: ${output.join("")}`)));
    child.stdout!.on("data", (chunk) => {
      output.push(String(chunk));
      const match = /GraphQL API:\s+(http:\/\/\S+)/.exec(output.join(""));
      if (!match) return;
      clearTimeout(timer);
      const url = match[1];
      const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (token) headers.authorization = `Bearer ${token}`;
        const response = await fetch(url, {
          method: "POST",
          headers,
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as any;
      };
      resolve({
        url,
        wsUrl: url.replace(/^http/, "ws"),
        process: child,
        output,
        gql,
        async signIn(username) {
          const body = await gql(
            `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`,
            { u: username, p: DEMO_PASSWORD },
          );
          return body.data.signIn.token;
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode != null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/** A TCP proxy in front of Redis that a test can cut and restore, to make Redis unreachable for the instances. */
export interface RedisProxy {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startRedisProxy(target: string): Promise<RedisProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let listenPort = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(port || 6379), hostname);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(listenPort, "127.0.0.1", () => {
        listenPort = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await listen();
  return { url: `redis://127.0.0.1:${listenPort}`, cut: stop, restore: listen, close: stop };
}
