import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { REPO_ROOT } from "./paths.js";

const shell = (command: string) => {
  try {
    return execSync(command, {
      cwd: REPO_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
};
const read = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
};

export interface Machine {
  date: string;
  commit: string | null;
  cpus: number;
  cpuModel: string;
  ramGb: number;
  node: string;
  /** 1, 5 and 15 minute load averages when the run started (other work on the machine skews the numbers). */
  loadAverage: number[];
  uptime: string | null;
  openFilesLimit: string | null;
  somaxconn: string | null;
  ephemeralPorts: string | null;
  mariadb: string | null;
}

export function describeMachine(mariadbVersion: string | null): Machine {
  const dirty = shell("git status --porcelain --untracked-files=no") ? "+uncommitted changes" : "";
  return {
    date: new Date().toISOString(),
    commit: (shell("git rev-parse --short HEAD") ?? "unknown") + (dirty ? ` ${dirty}` : ""),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    uptime: shell("uptime"),
    openFilesLimit: shell("ulimit -n"),
    somaxconn: read("/proc/sys/net/core/somaxconn"),
    ephemeralPorts: read("/proc/sys/net/ipv4/ip_local_port_range")?.replace(/\s+/g, "–") ?? null,
    mariadb: mariadbVersion,
  };
}
