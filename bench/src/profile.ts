import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfileSummary {
  file: string;
  /** Start-up left out, in ms from the start of the profile. */
  skippedMs: number;
  sampledMs: number;
  /** Share of non-idle samples per package / area. */
  byArea: { area: string; percent: number }[];
  /** Functions with the most self time, share of non-idle samples. */
  topFunctions: { fn: string; where: string; percent: number }[];
}

/** Which package (or part of the server) a frame belongs to. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf("/server/dist/");
  if (dist >= 0)
    return `server: ${url
      .slice(dist + "/server/dist/".length)
      .split("/")
      .slice(0, 2)
      .join("/")}`;
  return url.replace(/^file:\/\//, "");
}

/** Self time by package and by function from a V8 .cpuprofile (node --cpu-prof). */
export function summariseProfile(file: string, skipMs = 0, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let elapsedUs = 0;
  profile.samples.forEach((id, i) => {
    elapsedUs += profile.timeDeltas[i] ?? 0;
    // Start-up (module loading, migrations, seeding) is not what a scenario measures.
    if (elapsedUs < skipMs * 1000) return;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  let busy = 0;
  let total = 0;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = nodes.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    if (functionName === "(idle)") continue;
    busy += us;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const where = url ? `${area} ${path.basename(url)}:${lineNumber + 1}` : area;
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { fn: functionName || "(anonymous)", where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const percent = (us: number) => Math.round((us / Math.max(1, busy)) * 1000) / 10;
  return {
    file,
    skippedMs: Math.round(skipMs),
    sampledMs: Math.round(total / 1000),
    byArea: [...byArea.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, us]) => ({ area, percent: percent(us) })),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, where: f.where, percent: percent(f.us) })),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const lines = [
    `profile ${path.basename(summary.file)} (${summary.sampledMs} ms sampled after ${summary.skippedMs} ms of start-up; % of busy time)`,
  ];
  lines.push("  by package/area: " + summary.byArea.map((a) => `${a.area} ${a.percent}%`).join(", "));
  lines.push("  top self time:");
  for (const f of summary.topFunctions)
    lines.push(`    ${String(f.percent).padStart(5)}%  ${f.fn}  (${f.where})`);
  return lines.join("\n");
}
