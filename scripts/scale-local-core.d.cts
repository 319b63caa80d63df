/** Types of scripts/scale-local-core.cjs, for the server's tests and the benchmarks. */

export interface ScaleLocalOptions {
  /** Number of API processes (3). */
  instances?: number;
  /** nginx's port on 127.0.0.1 (8080); 0 picks a free one. */
  port?: number;
  /** The MariaDB/MySQL server (SCALE_MYSQL_URL or mariadb://root@127.0.0.1:3306); the user needs CREATE DATABASE. */
  mysqlUrl?: string;
  /** The dedicated database (tracker_scale). */
  database?: string;
  /** Drop and recreate the database first (false). */
  fresh?: boolean;
  /** Drop the database on stop (false). */
  dropOnStop?: boolean;
  /** Migrate and load the demo data when the database is empty (true). */
  seed?: boolean;
  /** SCALE_REDIS_URL or redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** The built server's folder (server/dist). */
  serverDist?: string;
  /** The built client's folder (client/dist); served at / when it has an index.html. "": no client. */
  clientDist?: string;
  /** Shared token secret (random by default). */
  jwtSecret?: string;
  /** More environment variables for every API process. */
  env?: Record<string, string>;
  /** nginx worker processes ("auto"). */
  nginxWorkers?: number | "auto";
  /** Progress lines (console.log). */
  log?: (line: string) => void;
}

export interface ScaleLocalInstance {
  /** Its INSTANCE_ID (api-1, api-2…): the X-Instance-Id header and the app_instance_info metric. */
  id: string;
  port: number;
  /** Its own /graphql, bypassing nginx. */
  url: string;
  metricsUrl: string;
  pid: number;
  logFile: string;
}

export interface ScaleLocal {
  /** nginx: the web client. */
  url: string;
  /** nginx: GraphQL over HTTP. */
  graphqlUrl: string;
  /** nginx: graphql-ws. */
  wsUrl: string;
  servesClient: boolean;
  databaseUrl: string;
  /** Temporary folder: nginx.conf, nginx-error.log, api-N.log, seed.log (removed on stop). */
  dir: string;
  nginxPid: number;
  instances: ScaleLocalInstance[];
  /** Stops nginx, then the API processes; drops the database if asked; removes the folder. */
  stop(): Promise<void>;
}

export function startScaleLocal(options?: ScaleLocalOptions): Promise<ScaleLocal>;
/** The nginx binary, or null when it is not installed. */
export function findNginx(): string | null;
