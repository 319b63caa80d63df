"use strict";
/**
 * The production shape on loopback, without Docker: Debian's nginx in front of several API processes (the built
 * server, `node server/dist/main.js`, one PORT each), a dedicated MariaDB/MySQL database and Redis. nginx's
 * configuration is generated into a temporary folder (no root paths): WebSocket upgrades to the instances, the
 * built client served from disk, /metrics refused. Used by `pnpm scale:local` (scripts/scale-local.mjs), by the
 * test server/src/deploy/scale-local.test.ts and by benchmarks that want to go through the same shape.
 */
/* global URL, fetch, setTimeout, clearTimeout -- Node.js globals */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: the jest tests and the ESM CLI both load it */
const { spawn, spawnSync } = require("node:child_process");
const { randomBytes } = require("node:crypto");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const { createRequire } = require("node:module");
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..");
// mysql2 is the server's dependency; resolve it from there (pnpm keeps packages out of the root).
const serverRequire = createRequire(path.join(ROOT, "server", "package.json"));

/** The nginx binary: NGINX_BIN, or nginx on PATH / in /usr/sbin; null when there is none. */
function findNginx() {
  const candidates = [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (onPath) candidates.push(onPath);
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Creates the dedicated database (utf8mb4); with `fresh`, drops it first. */
async function prepareDatabase(mysqlUrl, database, fresh) {
  if (!/^\w+$/.test(database)) throw new Error(`database name must be letters, digits and _: "${database}"`);
  const mysql = serverRequire("mysql2/promise");
  const url = new URL(mysqlUrl.replace(/^mariadb:/, "mysql:"));
  url.pathname = "/";
  const admin = await mysql.createConnection({ uri: url.toString(), connectTimeout: 5000 });
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
  const target = new URL(mysqlUrl);
  target.pathname = `/${database}`;
  return {
    url: target.toString(),
    async drop() {
      const c = await mysql.createConnection({ uri: url.toString() });
      await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await c.end();
    },
  };
}

/** Runs a built script to completion, with its output in `logFile`; rejects with the output on failure. */
function runToEnd(args, env, logFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const log = fs.createWriteStream(logFile);
    for (const stream of [child.stdout, child.stderr])
      stream.on("data", (chunk) => {
        out.push(String(chunk));
        log.write(chunk);
      });
    child.once("exit", (code) => {
      log.end();
      if (code === 0) resolve(out.join(""));
      else reject(new Error(`${args.join(" ")} exited with ${code}:\n${out.join("")}`));
    });
  });
}

/** Starts one API process on a free port; resolves with its URL once it prints it. Output goes to `logFile`. */
function startApi(serverDist, env, logFile) {
  const child = spawn(process.execPath, [path.join(serverDist, "main.js")], {
    cwd: path.dirname(serverDist),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = fs.createWriteStream(logFile);
  let head = "";
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`did not start within 60 s:\n${head}`)), 60000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onEarlyExit = (code) => fail(new Error(`exited with ${code}:\n${head}`));
    child.once("exit", onEarlyExit);
    const onData = (chunk) => {
      log.write(chunk);
      if (head.length < 100_000) head += String(chunk);
      const match = /GraphQL API:\s+(http:\/\/\S+)/.exec(head);
      if (!match || started) return;
      started = true;
      clearTimeout(timer);
      child.off("exit", onEarlyExit);
      const url = new URL(match[1]);
      resolve({ child, port: Number(url.port), url: match[1], log });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => log.write(chunk));
  });
}

function stopChild(child, signal = "SIGTERM", graceMs = 15000) {
  return new Promise((resolve) => {
    if (child.exitCode != null || child.signalCode != null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** nginx's configuration for this shape: everything under `dir`, nothing under /etc or /var. */
function nginxConfig({ dir, port, apiPorts, clientDist, workers }) {
  const mime = fs.existsSync("/etc/nginx/mime.types")
    ? "include /etc/nginx/mime.types;"
    : "types { text/html html; text/css css; application/javascript js mjs; application/json json; image/svg+xml svg; image/png png; font/woff2 woff2; }";
  const user = process.getuid?.() === 0 ? "user root root;" : "";
  // Each proxied WebSocket holds two descriptors; as many as the hard limit allows (nginx cannot go past it).
  const hard = spawnSync("sh", ["-c", "ulimit -Hn"], { encoding: "utf8" }).stdout.trim();
  const files = hard === "unlimited" || !/^\d+$/.test(hard) ? 65535 : Math.min(65535, Number(hard));
  return `# Generated by scripts/scale-local-core.cjs; see docker/nginx.conf for the same shape in Docker.
${user}
worker_processes ${workers};
worker_rlimit_nofile ${files};
daemon off;
master_process on;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections ${files}; multi_accept on; }
http {
  ${mime}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  sendfile on;

  upstream api {
    # WebSockets are long-lived: each new connection goes to the instance with the fewest.
    least_conn;
${apiPorts.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }
  map $http_upgrade $connection_upgrade {
    default upgrade;
    ""      "";
  }
  map $http_x_request_id $req_id {
    default $http_x_request_id;
    ""      $request_id;
  }

  server {
    listen 127.0.0.1:${port};
    client_max_body_size 1m;
    root ${clientDist};

    location /graphql {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id $req_id;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }
    location = /healthz {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
    location = /metrics { return 404; }
    location /assets/ { expires 1y; add_header Cache-Control "public, immutable"; }
    location / {
      try_files $uri /index.html =404;
      add_header Cache-Control "no-cache";
    }
  }
}
`;
}

async function waitForHttp(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

/**
 * Starts the shape and resolves once nginx answers. Options (all optional):
 *   instances   number of API processes (3)
 *   port        nginx's port on 127.0.0.1 (8080; 0 picks a free one)
 *   mysqlUrl    server of the dedicated database (SCALE_MYSQL_URL or mariadb://root@127.0.0.1:3306)
 *   database    its name (tracker_scale); fresh: drop and recreate it first (false); dropOnStop (false)
 *   seed        migrate and load the demo data when the database is empty (true)
 *   redisUrl    (SCALE_REDIS_URL or redis://127.0.0.1:6379)
 *   serverDist  the built server (server/dist); clientDist the built client (client/dist)
 *   env         more variables for every API process (EVENT_POLL_MS, LOG_LEVEL…)
 *   nginxWorkers  nginx worker processes (auto)
 *   log         where progress lines go (console.log)
 */
async function startScaleLocal(options = {}) {
  const instances = options.instances ?? 3;
  const serverDist = path.resolve(options.serverDist ?? path.join(ROOT, "server", "dist"));
  // "" means no client: nginx then serves an empty folder, never the current directory.
  const clientDist =
    options.clientDist === "" ? "" : path.resolve(options.clientDist ?? path.join(ROOT, "client", "dist"));
  const log = options.log ?? ((line) => console.log(line));
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx is not installed (apt-get install nginx)");
  if (!fs.existsSync(path.join(serverDist, "main.js")))
    throw new Error(`no built server in ${serverDist} (run pnpm build)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scale-local-"));
  // nginx's workers may run as another user: they read the configuration's folder.
  fs.chmodSync(dir, 0o755);
  // Run in reverse order on stop: nginx, then the API processes, then the database, then this folder.
  const cleanups = [() => fs.rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`stop: ${error.message}`);
      }
    }
  };
  try {
    const database = await prepareDatabase(
      options.mysqlUrl ?? process.env.SCALE_MYSQL_URL ?? "mariadb://root@127.0.0.1:3306",
      options.database ?? "tracker_scale",
      options.fresh ?? false,
    );
    if (options.dropOnStop) cleanups.push(() => database.drop());
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: options.redisUrl ?? process.env.SCALE_REDIS_URL ?? "redis://127.0.0.1:6379",
      JWT_SECRET: options.jwtSecret ?? randomBytes(32).toString("hex"),
      HOST: "127.0.0.1",
      PORT: "0",
      CLIENT_DIST: "",
      SEED_ON_START: "never",
      TRUST_PROXY: "loopback",
      ...options.env,
    };
    if (options.seed ?? true) {
      log(`database: ${database.url} (migrating, loading the demo data if empty)`);
      await runToEnd([path.join(serverDist, "demo", "seed.cli.js")], env, path.join(dir, "seed.log"));
    }

    const apis = [];
    cleanups.push(() => Promise.all(apis.map((api) => stopChild(api.child))));
    const started = await Promise.allSettled(
      Array.from({ length: instances }, (_, i) =>
        startApi(serverDist, { ...env, INSTANCE_ID: `api-${i + 1}` }, path.join(dir, `api-${i + 1}.log`)),
      ),
    );
    for (const result of started) if (result.status === "fulfilled") apis.push(result.value);
    const failed = started.find((r) => r.status === "rejected");
    if (failed) throw new Error(`an API instance failed to start: ${failed.reason.message}`);

    const port = options.port === 0 ? await freePort() : (options.port ?? 8080);
    const hasClient = clientDist !== "" && fs.existsSync(path.join(clientDist, "index.html"));
    const root = hasClient ? clientDist : path.join(dir, "no-client");
    if (!hasClient) fs.mkdirSync(root, { recursive: true });
    for (const sub of ["tmp-body", "tmp-proxy", "tmp-fastcgi", "tmp-uwsgi", "tmp-scgi"])
      fs.mkdirSync(path.join(dir, sub), { mode: 0o777 });
    const confFile = path.join(dir, "nginx.conf");
    fs.writeFileSync(
      confFile,
      nginxConfig({
        dir,
        port,
        apiPorts: apis.map((a) => a.port),
        clientDist: root,
        workers: options.nginxWorkers ?? "auto",
      }),
    );
    const test = spawnSync(
      nginx,
      ["-t", "-q", "-p", dir, "-e", path.join(dir, "nginx-error.log"), "-c", confFile],
      {
        encoding: "utf8",
      },
    );
    if (test.status !== 0) throw new Error(`nginx refused the generated configuration:\n${test.stderr}`);
    const proxy = spawn(nginx, ["-p", dir, "-e", path.join(dir, "nginx-error.log"), "-c", confFile], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let nginxErrors = "";
    proxy.stderr.on("data", (chunk) => (nginxErrors += String(chunk)));
    // SIGQUIT: finish open requests; close WebSockets once the instances are gone (they are stopped after nginx).
    cleanups.push(() => stopChild(proxy, "SIGQUIT", 5000));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, 15000).catch((error) => {
      throw new Error(`${error.message}\n${nginxErrors}`);
    });

    return {
      url: `${base}/`,
      graphqlUrl: `${base}/graphql`,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      servesClient: hasClient,
      databaseUrl: database.url,
      dir,
      nginxPid: proxy.pid,
      instances: apis.map((api, i) => ({
        id: `api-${i + 1}`,
        port: api.port,
        url: api.url,
        metricsUrl: api.url.replace(/\/graphql$/, "/metrics"),
        pid: api.child.pid,
        logFile: path.join(dir, `api-${i + 1}.log`),
      })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startScaleLocal, findNginx };
