import { PledgeStatus } from "../pledges/pledge.enums";

/** Names of the counters in `subtree_counter`, and the kind of `period` each uses. */
export const Metric = {
  /** Point, period = year: pledges of the year in one status. */
  pledge: (status: PledgeStatus | string) => `pledge.${status}`,
  /** Point, period = 0: concerns raised by units of the subtree, in one status. */
  concern: (status: string) => `concern.${status}`,
  /** Cumulative by year: rural communes (kind COMMUNE) existing in the year. */
  communes: "ntm.communes",
  /** Cumulative by year: of those, recognised as NTM by the end of the year. */
  communesRecognised: "ntm.communes_rec",
  /** Cumulative by year: rural districts existing in the year. */
  districts: "ntm.districts",
  /** Cumulative by year: of those, recognised. */
  districtsRecognised: "ntm.districts_rec",
  /** Point, period = year: criteria met, summed over the communes existing in the year. */
  metSum: "ntm.met_sum",
  /** Point, period = year: communes existing in the year that meet exactly k ≥ 1 criteria. */
  met: (k: number) => `ntm.met.${k}`,
  /** Point, period = year: of those, communes recognised by the end of the year. */
  metRecognised: (k: number) => `ntm.met_rec.${k}`,
  /** Cumulative by month (yyyymm): assignments under a directive with a visit minimum, running in the month. */
  assessed: "visit.assessed",
  /** Point, period = yyyymm: of those, assignments with at least the minimum of visits in the month. */
  compliant: "visit.compliant",
} as const;

export const PLEDGE_METRICS = Object.values(PledgeStatus).map((s) => Metric.pledge(s));
export const OPEN_CONCERN_METRICS = [Metric.concern("OPEN"), Metric.concern("IN_PROGRESS")];
export const CRITERIA = 19;
export const MET_METRICS = Array.from({ length: CRITERIA }, (_, i) => Metric.met(i + 1));
export const MET_REC_METRICS = Array.from({ length: CRITERIA }, (_, i) => Metric.metRecognised(i + 1));
export const NTM_CUMULATIVE = [
  Metric.communes,
  Metric.communesRecognised,
  Metric.districts,
  Metric.districtsRecognised,
];
export const NTM_POINT = [Metric.metSum, ...MET_METRICS, ...MET_REC_METRICS];

/** `2016-03-15` → 201603. */
export function monthOf(day: string): number {
  return Number(day.slice(0, 4)) * 100 + Number(day.slice(5, 7));
}

/** 201612 → 201701. */
export function nextMonth(ym: number): number {
  return ym % 100 === 12 ? ym + 89 : ym + 1;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
