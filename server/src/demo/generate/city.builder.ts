import { buildCanThoDemo, type DemoData } from "../can-tho";
import type { BulkWriter } from "./bulk-writer";
import { PledgeStore, type PledgeRow } from "./pledge-store";
import type { Row, TableKey } from "./table-spec";
import type { GeneratedUser } from "./users";

export interface CityResult {
  rootId: number;
  paths: string[];
  pledges: PledgeStore;
  concerns: Row[];
  users: GeneratedUser[];
}

/** The tables of the Cần Thơ demo in the order the seed loads them (pledges apart: they also feed the event log). */
const ORDER: (keyof DemoData & TableKey)[] = [
  "orgUnits",
  "terms",
  "ntmCriteria",
  "members",
  "positions",
  "directives",
  "assignments",
  "ntmStatuses",
  "ntmRecognitions",
  "visits",
  "evaluations",
  "unitEvaluations",
  "delegations",
  "delegationMembers",
  "concerns",
];

/**
 * The `city` scale: exactly the Cần Thơ 2016 demo rows (server/src/demo/can-tho.ts, the same seed gives the
 * same rows as `pnpm db:seed`), bulk-written, plus the event log of every pledge's and concern's history.
 */
export async function buildCity(writer: BulkWriter, seed: number): Promise<CityResult> {
  const data = buildCanThoDemo(seed);
  for (const key of ORDER) {
    for (const row of data[key] as Row[]) writer.add(key, row);
    await writer.checkpoint();
  }
  const pledges = new PledgeStore();
  for (const row of data.pledges) {
    writer.add("pledges", row);
    pledges.add(row as unknown as PledgeRow);
  }
  await writer.checkpoint();
  const paths: string[] = [];
  for (const unit of data.orgUnits) paths[unit.id] = unit.path as string;
  return { rootId: data.orgUnits[0].id, paths, pledges, concerns: data.concerns, users: data.users };
}
