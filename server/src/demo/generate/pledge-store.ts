import { PledgeStatus } from "../../features/pledges/pledge.enums";

/** A pledge row as the generator writes it (entity property names, in the entity's column order). */
export interface PledgeRow {
  id: number;
  assignmentId: number;
  unitId: number;
  memberId: number;
  year: number;
  title: string;
  category: string;
  ntmCriterionId: number | null;
  targetQuantity: number | null;
  targetUnit: string | null;
  dueOn: string | null;
  status: PledgeStatus;
  achievedQuantity: number | null;
  reportNote: string | null;
  evidenceNote: string | null;
  evidenceLinks: string[];
  reportedAt: Date | null;
  decidedAt: Date | null;
  decidedByUnitId: number | null;
  rejectionReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A first report that the confirming committee rejected before the one that was confirmed. */
export interface Rework {
  reportedAt: Date;
  rejectedAt: Date;
  achievedQuantity: number | null;
}

/** The texts the Cần Thơ demo writes for a report, its evidence and a rejection: the generator writes the same. */
export const reportNoteOf = (title: string) =>
  `Đã hoàn thành: ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
export const EVIDENCE_NOTE = "Biên bản nghiệm thu, hình ảnh công trình (minh họa)";
export const REJECTION_REASON =
  "Khối lượng thực hiện chưa đạt chỉ tiêu đăng ký; đề nghị bổ sung và báo cáo lại.";

/** One step of a pledge's life: the event action, when, and the pledge as it was after it. */
export interface PledgeStep {
  action: string;
  at: number;
  state: PledgeRow;
}

const STATUSES = Object.values(PledgeStatus);
const EVIDENCE_JSON = JSON.stringify(EVIDENCE_NOTE);
const REJECTION_JSON = JSON.stringify(REJECTION_REASON);

class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: (string | null)[] = [null];
  /** Each value as a JSON string literal (`null` for none). */
  readonly json: string[] = ["null"];
  id(value: string | null): number {
    if (value == null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.json.push(JSON.stringify(value));
      this.ids.set(value, id);
    }
    return id;
  }
}

/** A growable typed column: a million pledges take a few MB per field instead of a million objects. */
class Column<T extends Int32Array | Float64Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[index] = value;
  }
}
const ints = () => new Column((n) => new Int32Array(n));
const floats = () => new Column((n) => new Float64Array(n));

const NONE = -1;
const seconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : NONE);
const dateOf = (s: number) => (s === NONE ? null : new Date(s * 1000));

/**
 * Every pledge written, kept compactly so that the event log can be built afterwards in commit order: for each
 * pledge the whole history (registered, reported, maybe rejected and reported again, decided or withdrawn) is
 * derived from its final row, so events and rows cannot disagree.
 */
export class PledgeStore {
  private n = 0;
  private readonly text = new Interner();
  private readonly id = ints();
  private readonly assignmentId = ints();
  private readonly unitId = ints();
  private readonly memberId = ints();
  private readonly year = ints();
  private readonly title = ints();
  private readonly category = ints();
  private readonly criterion = ints();
  private readonly target = floats();
  private readonly targetUnit = ints();
  private readonly status = ints();
  private readonly achieved = floats();
  private readonly reportedAt = ints();
  private readonly decidedAt = ints();
  private readonly decidedBy = ints();
  private readonly version = ints();
  private readonly createdAt = ints();
  private readonly updatedAt = ints();
  private readonly reworkReported = ints();
  private readonly reworkRejected = ints();
  private readonly reworkAchieved = floats();
  private readonly reportNotes = new Map<number, string>();

  get size(): number {
    return this.n;
  }

  /** Keeps a pledge; only what `row` cannot derive from the other fields is stored. */
  add(row: PledgeRow, rework: Rework | null = null): number {
    const i = this.n++;
    const nullable = (v: number | null) => (v == null ? NONE : v);
    this.id.set(i, row.id);
    this.assignmentId.set(i, row.assignmentId);
    this.unitId.set(i, row.unitId);
    this.memberId.set(i, row.memberId);
    this.year.set(i, row.year);
    this.title.set(i, this.text.id(row.title));
    this.category.set(i, this.text.id(row.category));
    this.criterion.set(i, nullable(row.ntmCriterionId));
    this.target.set(i, row.targetQuantity == null ? NaN : row.targetQuantity);
    this.targetUnit.set(i, this.text.id(row.targetUnit));
    this.status.set(i, STATUSES.indexOf(row.status));
    this.achieved.set(i, row.achievedQuantity == null ? NaN : row.achievedQuantity);
    this.reportedAt.set(i, seconds(row.reportedAt));
    this.decidedAt.set(i, seconds(row.decidedAt));
    this.decidedBy.set(i, nullable(row.decidedByUnitId));
    this.version.set(i, row.version);
    this.createdAt.set(i, seconds(row.createdAt));
    this.updatedAt.set(i, seconds(row.updatedAt));
    this.reworkReported.set(i, rework ? seconds(rework.reportedAt) : NONE);
    this.reworkRejected.set(i, rework ? seconds(rework.rejectedAt) : NONE);
    this.reworkAchieved.set(i, rework?.achievedQuantity ?? NaN);
    if (row.dueOn !== `${row.year}-12-31` || row.evidenceLinks.length > 0)
      throw new Error(`Pledge ${row.id}: the store expects dueOn ${row.year}-12-31 and no evidence links.`);
    return i;
  }

  /** The pledge row as it was added. */
  row(i: number): PledgeRow {
    const status = STATUSES[this.status.data[i]];
    const reported = this.reportedAt.data[i] !== NONE;
    const title = this.text.values[this.title.data[i]]!;
    const number = (v: number) => (Number.isNaN(v) ? null : v);
    const criterion = this.criterion.data[i];
    const decidedBy = this.decidedBy.data[i];
    const year = this.year.data[i];
    return {
      id: this.id.data[i],
      assignmentId: this.assignmentId.data[i],
      unitId: this.unitId.data[i],
      memberId: this.memberId.data[i],
      year,
      title,
      category: this.text.values[this.category.data[i]]!,
      ntmCriterionId: criterion === NONE ? null : criterion,
      targetQuantity: number(this.target.data[i]),
      targetUnit: this.text.values[this.targetUnit.data[i]],
      dueOn: `${year}-12-31`,
      status,
      achievedQuantity: number(this.achieved.data[i]),
      reportNote: reported ? reportNoteOf(title) : null,
      evidenceNote: reported ? EVIDENCE_NOTE : null,
      evidenceLinks: [],
      reportedAt: dateOf(this.reportedAt.data[i]),
      decidedAt: dateOf(this.decidedAt.data[i]),
      decidedByUnitId: decidedBy === NONE ? null : decidedBy,
      rejectionReason: status === PledgeStatus.REJECTED ? REJECTION_REASON : null,
      version: this.version.data[i],
      createdAt: dateOf(this.createdAt.data[i])!,
      updatedAt: dateOf(this.updatedAt.data[i])!,
    };
  }

  /** When each step of pledge `i` happened, in order (seconds since the epoch); cheap, for sorting events. */
  stepTimes(i: number): number[] {
    const status = STATUSES[this.status.data[i]];
    const times = [this.createdAt.data[i]];
    if (status === PledgeStatus.WITHDRAWN) times.push(this.updatedAt.data[i]);
    if (this.reworkReported.data[i] !== NONE)
      times.push(this.reworkReported.data[i], this.reworkRejected.data[i]);
    if (this.reportedAt.data[i] !== NONE) times.push(this.reportedAt.data[i]);
    if (this.decidedAt.data[i] !== NONE) times.push(this.decidedAt.data[i]);
    return times;
  }

  /**
   * The pledge's life as the workflow would have written it: each transition applies the same changes as
   * pledge.workflow.ts (status, version + 1, report fields, decision fields), ending in the stored row.
   */
  steps(i: number): PledgeStep[] {
    const final = this.row(i);
    const times = this.stepTimes(i);
    const registered: PledgeRow = {
      ...final,
      status: PledgeStatus.REGISTERED,
      achievedQuantity: null,
      reportNote: null,
      evidenceNote: null,
      reportedAt: null,
      decidedAt: null,
      decidedByUnitId: null,
      rejectionReason: null,
      version: 1,
      updatedAt: final.createdAt,
    };
    const steps: PledgeStep[] = [{ action: "PLEDGE_REGISTERED", at: times[0], state: registered }];
    let state = registered;
    const next = (action: string, at: number, changes: Partial<PledgeRow>) => {
      state = { ...state, ...changes, version: state.version + 1, updatedAt: new Date(at * 1000) };
      steps.push({ action, at, state });
    };
    const report = (at: number, achieved: number | null) =>
      next("PLEDGE_REPORTED", at, {
        status: PledgeStatus.REPORTED,
        achievedQuantity: achieved,
        reportNote: reportNoteOf(final.title),
        evidenceNote: EVIDENCE_NOTE,
        reportedAt: new Date(at * 1000),
        decidedAt: null,
        decidedByUnitId: null,
      });
    const decide = (at: number, confirm: boolean) =>
      next(confirm ? "PLEDGE_CONFIRMED" : "PLEDGE_REJECTED", at, {
        status: confirm ? PledgeStatus.CONFIRMED : PledgeStatus.REJECTED,
        decidedAt: new Date(at * 1000),
        decidedByUnitId: final.decidedByUnitId,
        rejectionReason: confirm ? null : REJECTION_REASON,
      });
    let t = 1;
    if (final.status === PledgeStatus.WITHDRAWN) {
      next("PLEDGE_WITHDRAWN", times[t], { status: PledgeStatus.WITHDRAWN });
      return steps;
    }
    if (this.reworkReported.data[i] !== NONE) {
      report(times[t++], Number.isNaN(this.reworkAchieved.data[i]) ? null : this.reworkAchieved.data[i]);
      decide(times[t++], false);
    }
    if (final.reportedAt) report(times[t++], final.achievedQuantity);
    if (final.decidedAt) decide(times[t++], final.status === PledgeStatus.CONFIRMED);
    return steps;
  }

  /** The event action of step `step` of pledge `i` (the same as `steps(i)[step].action`). */
  actionOf(i: number, step: number): string {
    const status = STATUSES[this.status.data[i]];
    const actions = ["PLEDGE_REGISTERED"];
    if (status === PledgeStatus.WITHDRAWN) actions.push("PLEDGE_WITHDRAWN");
    if (this.reworkReported.data[i] !== NONE) actions.push("PLEDGE_REPORTED", "PLEDGE_REJECTED");
    if (this.reportedAt.data[i] !== NONE) actions.push("PLEDGE_REPORTED");
    if (this.decidedAt.data[i] !== NONE)
      actions.push(status === PledgeStatus.CONFIRMED ? "PLEDGE_CONFIRMED" : "PLEDGE_REJECTED");
    return actions[step];
  }

  /**
   * The same states as `steps`, as the JSON text `JSON.stringify(snapshot(state))` gives for each, built
   * straight from the columns: the event log of a million pledges is mostly this, so no objects are made.
   * With `upTo`, stops after that step (the event log needs a step and the one before it).
   */
  stepJsons(i: number, upTo = Infinity): string[] {
    const d = (c: Column<Int32Array | Float64Array>) => c.data[i];
    const num = (v: number) => (Number.isNaN(v) || v === NONE ? "null" : String(v));
    const qf = (v: number) => (Number.isNaN(v) ? "null" : String(v));
    const iso = (s: number) => `"${new Date(s * 1000).toISOString()}"`;
    const titleId = d(this.title);
    let reportNote = this.reportNotes.get(titleId);
    if (reportNote === undefined) {
      reportNote = JSON.stringify(reportNoteOf(this.text.values[titleId]!));
      this.reportNotes.set(titleId, reportNote);
    }
    const year = d(this.year);
    const created = iso(d(this.createdAt));
    const head =
      `{"id":${d(this.id)},"assignmentId":${d(this.assignmentId)},"unitId":${d(this.unitId)},` +
      `"memberId":${d(this.memberId)},"year":${year},"title":${this.text.json[titleId]},` +
      `"category":${this.text.json[d(this.category)]},"ntmCriterionId":${num(d(this.criterion))},` +
      `"targetQuantity":${qf(d(this.target))},"targetUnit":${this.text.json[d(this.targetUnit)]},` +
      `"dueOn":"${year}-12-31","status":`;
    const decidedBy = num(d(this.decidedBy));
    let version = 1;
    let achieved = "null";
    let reported = "null";
    let decided = "null";
    let decider = "null";
    let rejection = "null";
    let notes = `"reportNote":null,"evidenceNote":null`;
    const state = (status: string, updated: string) =>
      `${head}"${status}","achievedQuantity":${achieved},${notes},"evidenceLinks":[],"reportedAt":${reported},` +
      `"decidedAt":${decided},"decidedByUnitId":${decider},"rejectionReason":${rejection},"version":${version},` +
      `"createdAt":${created},"updatedAt":${updated}}`;
    const out = [state(PledgeStatus.REGISTERED, created)];
    const status = STATUSES[d(this.status)];
    const report = (at: number, quantity: number) => {
      if (out.length > upTo) return;
      version++;
      achieved = qf(quantity);
      notes = `"reportNote":${reportNote},"evidenceNote":${EVIDENCE_JSON}`;
      reported = iso(at);
      decided = "null";
      decider = "null";
      out.push(state(PledgeStatus.REPORTED, reported));
    };
    const decide = (at: number, confirm: boolean) => {
      if (out.length > upTo) return;
      version++;
      decided = iso(at);
      decider = decidedBy;
      rejection = confirm ? "null" : REJECTION_JSON;
      out.push(state(confirm ? PledgeStatus.CONFIRMED : PledgeStatus.REJECTED, decided));
    };
    if (status === PledgeStatus.WITHDRAWN) {
      if (out.length > upTo) return out;
      version++;
      out.push(state(PledgeStatus.WITHDRAWN, iso(d(this.updatedAt))));
      return out;
    }
    if (d(this.reworkReported) !== NONE) {
      report(d(this.reworkReported), d(this.reworkAchieved));
      decide(d(this.reworkRejected), false);
    }
    if (d(this.reportedAt) !== NONE) report(d(this.reportedAt), d(this.achieved));
    if (d(this.decidedAt) !== NONE) decide(d(this.decidedAt), status === PledgeStatus.CONFIRMED);
    return out;
  }

  /** The path of the unit each pledge belongs to is looked up by the caller; this gives the unit id. */
  unitOf(i: number): number {
    return this.unitId.data[i];
  }

  idOf(i: number): number {
    return this.id.data[i];
  }
}
