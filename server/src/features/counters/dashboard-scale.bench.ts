/**
 * Times the city dashboard on a database at national scale, from the counters and from the base tables (the
 * path-range recount the dashboard ran before), side by side, and checks that both give the same figures.
 *
 *   cd server && npx tsc -p tsconfig.build.json
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/<database> node dist/features/counters/dashboard-scale.bench.js [unitCode] [year] [month] [runs]
 *
 * The database must hold the data already (e.g. `pnpm demo:generate --scale national`); the script rebuilds the
 * counters first (and prints how long that took) unless REBUILD=0.
 */
import "reflect-metadata";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../../config";
import { createDataSource } from "../../db/data-source";
import { computeDashboard } from "../dashboard/dashboard.compute";
import { OrgUnit } from "../org-units/org-unit.entity";
import { rebuildCounters } from "./counters.rebuild";
import { recountFigures, subtreeContext } from "./counters.recount";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(runs: number, work: () => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2).padStart(8);
  return `p50 ${f(percentile(samples, 50))} ms  p95 ${f(percentile(samples, 95))} ms  max ${f(samples[samples.length - 1])} ms  (${runs} runs)`;
}

async function main(): Promise<void> {
  const [code, yearArg, monthArg, runsArg] = process.argv.slice(2);
  const year = Number(yearArg ?? 2016);
  const month = Number(monthArg ?? 12);
  const runs = Number(runsArg ?? 50);
  const db = createDataSource(loadConfig());
  await db.initialize();
  try {
    const root = code
      ? await db.getRepository(OrgUnit).findOneByOrFail({ code })
      : await db.getRepository(OrgUnit).findOneOrFail({ where: { depth: 0 }, order: { id: "ASC" } });
    const [{ n: pledges }] = await db.query("SELECT COUNT(*) AS n FROM pledge");
    const [{ n: units }] = await db.query("SELECT COUNT(*) AS n FROM org_unit");
    console.log(
      `${db.options.type}: ${pledges} pledges, ${units} units; dashboard of ${root.code} (${root.name}) for ${month}/${year}`,
    );
    if (process.env.REBUILD !== "0") {
      const start = performance.now();
      await rebuildCounters(db);
      const [{ n: rows }] = await db.query("SELECT COUNT(*) AS n FROM subtree_counter");
      console.log(
        `rebuildCounters: ${((performance.now() - start) / 1000).toFixed(1)} s, ${rows} counter rows`,
      );
    }
    const counted = await computeDashboard(subtreeContext(db, root), root, year, month, 0);
    const recounted = await recountFigures(subtreeContext(db, root), root, year, month);
    const same =
      JSON.stringify(counted.pledgesByStatus) === JSON.stringify(recounted.pledgesByStatus) &&
      counted.visitCompliance.assessed === recounted.compliance.assessed &&
      counted.visitCompliance.compliant === recounted.compliance.compliant &&
      counted.openConcerns === recounted.openConcerns &&
      counted.ntm.communeCount() === recounted.ntm.communes.reduce((s, c) => s + c.count, 0);
    console.log(`same figures from counters and from the base tables: ${same}`);
    console.log(
      `  pledges ${counted.pledgeCount}, compliance ${counted.visitCompliance.compliant}/${counted.visitCompliance.assessed}, communes ${counted.ntm.communeCount()}, open concerns ${counted.openConcerns}`,
    );
    // A fresh context per run: no loader cache carries over, as for each recomputation of the hub.
    console.log(
      `dashboard from counters:        ${await time(runs, () => computeDashboard(subtreeContext(db, root), root, year, month, 0))}`,
    );
    console.log(
      `same figures from base tables:  ${await time(Math.max(3, Math.round(runs / 10)), () => recountFigures(subtreeContext(db, root), root, year, month))}`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
