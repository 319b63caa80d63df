import { DEMO_SEED } from "../can-tho";
import type { NationalScale } from "./national.context";

/** `city` is the Cần Thơ demo; the others are generated countries of a given size. */
export type ScaleName = "tiny" | "city" | "national";

export const SCALE_NAMES: ScaleName[] = ["tiny", "city", "national"];

export const COUNTRY_SCALES: Record<Exclude<ScaleName, "city">, NationalScale> = {
  /** For tests: every kind of row, in seconds. */
  tiny: { provinces: 2, districts: 5, communes: 24, cells: 120, visitMonths: [8, 9] },
  /** Issue 7: 63 provinces, about 700 districts, 11,000 communes, 100,000 cells. */
  national: { provinces: 63, districts: 700, communes: 11000, cells: 100000, visitMonths: [8, 9] },
};

export const DEFAULT_SEED = DEMO_SEED;
