import os from "node:os";
import path from "node:path";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** One typed description of every environment variable the server reads. */
interface VariableSpec<T> {
  description: string;
  default: T;
  parse(raw: string): T;
}

function integer(min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`expected an integer between ${min} and ${max}, got "${raw}"`);
    }
    return value;
  };
}

function oneOf<T extends string>(...values: T[]) {
  return (raw: string): T => {
    if (!(values as string[]).includes(raw))
      throw new Error(`expected one of ${values.join(", ")}, got "${raw}"`);
    return raw as T;
  };
}

function databaseUrl(raw: string): string {
  if (raw === "") return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a URL: "${raw}"`);
  }
  if (url.protocol !== "mysql:" && url.protocol !== "mariadb:") {
    throw new Error(
      `only mysql:// or mariadb:// URLs are supported (unset it for the embedded SQLite), got "${url.protocol}"`,
    );
  }
  return raw;
}

const specs = {
  PORT: {
    description: "TCP port for HTTP and WebSocket (same port, same path).",
    default: 4000,
    parse: integer(0, 65535),
  },
  HOST: { description: "Interface to listen on.", default: "0.0.0.0", parse: (s: string) => s },
  DATABASE_URL: {
    description:
      "mysql://user:pass@host:port/db for MySQL, mariadb://… for MariaDB. Unset: the embedded SQLite file in DATA_DIR.",
    default: "",
    parse: databaseUrl,
  },
  DATA_DIR: {
    description: "Folder for the embedded SQLite database file.",
    default: path.resolve(__dirname, "..", "data"),
    parse: (s: string) => path.resolve(s),
  },
  SQLITE_FILE: {
    description: "SQLite file name inside DATA_DIR, or ':memory:'.",
    default: "assignment-tracker.sqlite",
    parse: (s: string) => s,
  },
  SEED_ON_START: {
    description: "Load the Cần Thơ 2016 demo data at start-up when the database is empty.",
    default: "if-empty" as "if-empty" | "never",
    parse: oneOf("if-empty", "never"),
  },
  CLIENT_DIST: {
    description: "Folder of the built web client to serve at /. Empty: do not serve the client.",
    default: path.resolve(__dirname, "..", "..", "client", "dist"),
    parse: (s: string) => (s === "" ? "" : path.resolve(s)),
  },
  PERSISTED_OPERATIONS_FILE: {
    description:
      "Manifest of the web client's persisted operations (hash → document, written by the client's codegen). Missing file: no hash is known and the client sends full documents.",
    default: path.resolve(__dirname, "..", "..", "client", "src", "gql", "persisted-documents.json"),
    parse: (s: string) => (s === "" ? "" : path.resolve(s)),
  },
  JWT_SECRET: {
    description:
      "Secret that signs access tokens (at least 32 characters); all instances of one deployment share it. Empty: a random secret kept in DATA_DIR/jwt-secret.",
    default: "",
    parse: (s: string) => {
      if (s.length < 32) throw new Error("must be at least 32 characters");
      return s;
    },
  },
  TOKEN_TTL_SECONDS: {
    description: "Lifetime of an access token in seconds.",
    default: 3600,
    parse: integer(60, 86400 * 7),
  },
  REDIS_URL: {
    description: "redis://host:port for pub/sub between instances. Empty: in-process pub/sub (one instance).",
    default: "",
    parse: (s: string) => {
      if (!/^rediss?:\/\//.test(s)) throw new Error(`expected redis:// or rediss://, got "${s}"`);
      return s;
    },
  },
  EVENT_POLL_MS: {
    description:
      "How often each instance reads the event table even without a signal (the fallback when Redis is down).",
    default: 1000,
    parse: integer(50, 60000),
  },
  DASHBOARD_COALESCE_MS: {
    description: "A dashboard is recomputed once per burst of events arriving within this many milliseconds.",
    default: 25,
    parse: integer(0, 5000),
  },
  LOG_SQL: {
    description: "Log every SQL statement (debugging).",
    default: false,
    parse: (s: string) => s === "1" || s === "true",
  },
  SHUTDOWN_GRACE_MS: {
    description: "How long a shutdown waits for open requests and subscriptions to end.",
    default: 10000,
    parse: integer(0, 600000),
  },
  LOG_LEVEL: {
    description:
      "Level of the JSON log lines on stdout: fatal, error, warn, info (each request), debug, trace or silent. Unset under jest: silent.",
    default: (process.env.NODE_ENV === "test" ? "silent" : "info") as LogLevel,
    parse: oneOf<LogLevel>("fatal", "error", "warn", "info", "debug", "trace", "silent"),
  },
  METRICS_TOKEN: {
    description:
      "When set, GET /metrics needs `Authorization: Bearer <this>`. Empty: /metrics is open; keep it off the public network (the nginx configs refuse it).",
    default: "",
    parse: (s: string) => {
      if (s.length < 16) throw new Error("must be at least 16 characters");
      return s;
    },
  },
  TRUST_PROXY: {
    description:
      "Proxies allowed to set X-Forwarded-For (the caller's address for anonymous rate limits): empty for none, a hop count (1 behind one nginx), or comma-separated addresses and subnets (loopback, 10.0.0.0/8).",
    default: "",
    parse: (s: string) => s,
  },
  INSTANCE_ID: {
    description:
      "Name of this API process in logs, metrics and the X-Instance-Id response header. Empty: host name and process id.",
    default: `${os.hostname()}:${process.pid}`,
    parse: (s: string) => {
      if (!/^[\w.:-]{1,64}$/.test(s)) throw new Error(`expected 1-64 letters, digits or . : _ -, got "${s}"`);
      return s;
    },
  },
} satisfies Record<string, VariableSpec<unknown>>;

type Specs = typeof specs;
export type Config = { [K in keyof Specs]: Specs[K]["default"] };

/** Parses and validates the environment once; throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const errors: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs) as [string, VariableSpec<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || (raw === "" && name !== "DATABASE_URL")) {
      config[name] = spec.default;
      continue;
    }
    try {
      config[name] = spec.parse(raw);
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message} (${spec.description})`);
    }
  }
  if (errors.length > 0) throw new Error(`Invalid configuration:\n  ${errors.join("\n  ")}`);
  return { ...(config as Config), ...overrides };
}

/** The variables, their defaults and descriptions, for `.env.example` and the README. */
export function describeConfig(): { name: string; description: string; default: unknown }[] {
  return Object.entries(specs).map(([name, spec]) => ({
    name,
    description: spec.description,
    default: spec.default,
  }));
}
