import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's root, and where the e2e builds go (both git-ignored). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SERVER_DIST = path.join(ROOT, "server", "e2e-dist");
/**
 * Built apart from client/dist, so a `pnpm build` running meanwhile cannot pull it away. Not a dot-folder:
 * express's sendFile refuses paths through one, and deep links (/dashboard) would answer 404.
 */
export const CLIENT_DIST = path.join(ROOT, "client", "e2e-dist");
export const ARTIFACTS = path.join(ROOT, "test-results", "e2e");

export const DEMO_PASSWORD = "demo-2016";

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // vitest sets NODE_ENV=test; a build for it would be React's development build.
    const env = { ...process.env, NODE_ENV: "production" };
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env });
    const output: string[] = [];
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${path.basename(command)} ${args.join(" ")} exited ${code}:\n${output.join("")}`),
          ),
    );
  });
}

/**
 * The server compiled with tsc (decorator metadata: not esbuild) and the client with Vite, side by side.
 * E2E_REUSE_BUILD=1 keeps builds that exist (for rerunning while working on the tests themselves).
 */
export async function buildStack(): Promise<void> {
  const built =
    fs.existsSync(path.join(SERVER_DIST, "main.js")) && fs.existsSync(path.join(CLIENT_DIST, "index.html"));
  if (process.env.E2E_REUSE_BUILD === "1" && built) return;
  const serverRequire = createRequire(path.join(ROOT, "server", "package.json"));
  const clientRequire = createRequire(path.join(ROOT, "client", "package.json"));
  const vite = path.join(path.dirname(clientRequire.resolve("vite/package.json")), "bin", "vite.js");
  await Promise.all([
    run(
      process.execPath,
      [serverRequire.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", SERVER_DIST],
      path.join(ROOT, "server"),
    ),
    run(
      process.execPath,
      [vite, "build", "--outDir", CLIENT_DIST, "--emptyOutDir", "--logLevel", "warn"],
      path.join(ROOT, "client"),
    ),
  ]);
}

export interface RunningServer {
  /** http://127.0.0.1:<port> (no path). */
  origin: string;
  port: number;
  output: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  signIn(username: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * `node main.js` on a free port with a fresh SQLite database in a temporary folder, loaded with the demo data,
 * serving the built client; resolves once it prints its URL.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "assignment-tracker-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [path.join(SERVER_DIST, "main.js")], {
    cwd: path.join(ROOT, "server"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      SEED_ON_START: "if-empty",
      CLIENT_DIST,
      JWT_SECRET: "e2e-secret-that-is-long-enough-0123456789abcdef",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output.join("")}`)),
      60_000,
    );
    child.stderr!.on("data", (chunk) => output.push(String(chunk)));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output.join("")}`));
    });
    child.stdout!.on("data", (chunk) => {
      output.push(String(chunk));
      const match = /GraphQL API:\s+(http:\/\/\S+)\/graphql/.exec(output.join(""));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });

  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  return {
    origin,
    port: Number(new URL(origin).port),
    output,
    gql,
    async signIn(username) {
      const data = await gql(
        `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`,
        { u: username, p: DEMO_PASSWORD },
      );
      return data.signIn.token as string;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}
