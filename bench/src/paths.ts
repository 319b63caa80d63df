import path from "node:path";
import { fileURLToPath } from "node:url";

/** bench/dist → bench → the repository. */
export const BENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = path.resolve(BENCH_ROOT, "..");
export const SERVER_ROOT = path.join(REPO_ROOT, "server");
/** The built server; BENCH_SERVER_MAIN points at another build (e.g. one made from a clean checkout). */
export const SERVER_MAIN = path.resolve(
  process.env.BENCH_SERVER_MAIN || path.join(SERVER_ROOT, "dist", "main.js"),
);
export const RESULTS_DIR = path.join(BENCH_ROOT, "results");
export const PROFILES_DIR = path.join(RESULTS_DIR, "profiles");
/** Compiled entry points of the child processes (floors and fan-out clients). */
export const DIST = path.join(BENCH_ROOT, "dist");
