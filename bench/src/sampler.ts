import fs from "node:fs";
import pidusage from "pidusage";

export interface Usage {
  /** Resident set size in bytes. */
  rss: number;
  /** CPU time (user + system) in seconds since the process started, from /proc when available. */
  cpuSeconds: number | null;
}

const TICKS = 100; // USER_HZ on Linux

/** utime + stime of /proc/<pid>/stat (fields 14 and 15), in seconds. */
function procCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

/** RSS and CPU time of one process, or summed over several (the API instances behind nginx). */
export async function usage(pids: number | number[]): Promise<Usage> {
  let rss = 0;
  let cpuSeconds = 0;
  for (const pid of Array.isArray(pids) ? pids : [pids]) {
    const stats = await pidusage(pid);
    rss += stats.memory;
    cpuSeconds += procCpuSeconds(pid) ?? stats.ctime / 1000;
  }
  return { rss, cpuSeconds };
}

/** Samples a process during a phase: average CPU (cores), peak CPU of any 0.5 s sample, peak RSS. */
export function sampleDuring(pid: number | number[]) {
  let peakRss = 0;
  let peakCpu = 0;
  let last: { t: number; cpu: number | null } | null = null;
  let startCpu: number | null = null;
  const started = performance.now();
  let busy = false;
  const tick = async () => {
    // Readings of several processes take a while: never two at once, or a late one would pair with an early one.
    if (busy) return;
    busy = true;
    try {
      const u = await usage(pid);
      peakRss = Math.max(peakRss, u.rss);
      const t = performance.now();
      if (startCpu == null) startCpu = u.cpuSeconds;
      if (last?.cpu != null && u.cpuSeconds != null && t > last.t)
        peakCpu = Math.max(peakCpu, (u.cpuSeconds - last.cpu) / ((t - last.t) / 1000));
      last = { t, cpu: u.cpuSeconds };
    } catch {
      // the process is gone
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), 500);
  return {
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((resolve) => setTimeout(resolve, 10));
      await tick();
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = startCpu != null && last?.cpu != null ? last.cpu - startCpu : null;
      return {
        seconds,
        cpuSeconds,
        /** Mean CPU in cores (1.0 = one core busy) over the phase. */
        cpuCores: cpuSeconds != null ? cpuSeconds / seconds : null,
        peakCpuCores: peakCpu,
        peakRss,
      };
    },
  };
}
