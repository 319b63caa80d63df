import { searchForm, sortKey } from "../../core/vietnamese";
import type { UnitKind } from "../../features/org-units/org-unit.enums";
import type { Random } from "../random";
import type { BulkWriter } from "./bulk-writer";
import { PledgeStore } from "./pledge-store";
import type { Row } from "./table-spec";

/** The size of a generated country. */
export interface NationalScale {
  provinces: number;
  districts: number;
  communes: number;
  cells: number;
  /** Months of 2016 in which members record visits (the demo's "today" is 2016-09-17). */
  visitMonths: number[];
}

export interface GenUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  depth: number;
}

/** The demo's "today", as in the Cần Thơ data: nothing happens after it. */
export const TODAY = "2016-09-17";
export const LAST_MOMENT = Date.UTC(2016, 8, 17, 16, 0, 0);

/** State shared by the national builders: the random stream, the writer, the id counters, what events need. */
export class NationalContext {
  readonly ids = {
    unit: 0,
    member: 0,
    position: 0,
    directive: 0,
    assignment: 0,
    pledge: 0,
    visit: 0,
    status: 0,
    recognition: 0,
    delegation: 0,
    concern: 0,
  };
  /** Materialised path of each unit, by id. */
  readonly paths: string[] = [];
  readonly pledges = new PledgeStore();
  readonly concerns: Row[] = [];
  private readonly sortKeys = new Map<string, { search: string; sort: string }>();

  constructor(
    readonly random: Random,
    readonly writer: BulkWriter,
    readonly scale: NationalScale,
  ) {}

  /** searchForm and sortKey of a name, computed once per distinct name. */
  textKeys(name: string, sortName = name): { search: string; sort: string } {
    const cacheKey = `${name}\u0000${sortName}`;
    let keys = this.sortKeys.get(cacheKey);
    if (!keys) {
      keys = { search: searchForm(name), sort: sortKey(sortName) };
      this.sortKeys.set(cacheKey, keys);
    }
    return keys;
  }
}
