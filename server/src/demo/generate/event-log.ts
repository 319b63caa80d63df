import { snapshot } from "../../core/mutation";
import { ConcernStatus } from "../../features/delegations/concern.entity";
import type { BulkWriter } from "./bulk-writer";
import type { PledgeStore } from "./pledge-store";
import { RawJson, type Row } from "./table-spec";

/** Who the generated events name as their actor: no user made them, and they say so. */
export const GENERATED_ACTOR = "generated";

/** Sort keys pack (time, entity, step) into one float64: 28 bits of seconds from 2010, 21 of entity, 3 of step. */
const EPOCH = Date.UTC(2010, 0, 1) / 1000;
const TIME_BITS = 2 ** 28;
const ENTITY_BITS = 2 ** 21;
const STEP_BITS = 8;

interface Step {
  action: string;
  at: number;
  state: Record<string, unknown>;
}

/** A concern's life as concern.workflow.ts writes it: raised, handler assigned, started, resolved. */
export function concernSteps(row: Row): Step[] {
  const at = (d: unknown) => Math.floor((d as Date).getTime() / 1000);
  const raised = {
    id: row.id,
    raisedByUnitId: row.raisedByUnitId,
    delegationId: row.delegationId ?? null,
    handlerUnitId: null as unknown,
    title: row.title,
    description: row.description ?? null,
    status: ConcernStatus.OPEN as string,
    answer: null as unknown,
    raisedOn: row.raisedOn,
    startedAt: null as unknown,
    resolvedAt: null as unknown,
    createdAt: row.createdAt,
  };
  const steps: Step[] = [{ action: "CONCERN_RAISED", at: at(row.createdAt), state: raised }];
  let state = raised;
  const next = (action: string, time: number, changes: Partial<typeof raised>) => {
    state = { ...state, ...changes };
    steps.push({ action, at: time, state });
  };
  if (row.handlerUnitId != null)
    next("CONCERN_HANDLER_ASSIGNED", at(row.startedAt ?? row.createdAt), {
      handlerUnitId: row.handlerUnitId,
    });
  if (row.startedAt)
    next("CONCERN_STARTED", at(row.startedAt), {
      status: ConcernStatus.IN_PROGRESS,
      startedAt: row.startedAt,
    });
  if (row.resolvedAt)
    next("CONCERN_RESOLVED", at(row.resolvedAt), {
      status: ConcernStatus.RESOLVED,
      answer: row.answer,
      resolvedAt: row.resolvedAt,
    });
  return steps;
}

export interface EventLogInput {
  pledges: PledgeStore;
  concerns: Row[];
  /** The materialised path of a unit, by id. */
  pathOf(unitId: number): string;
  /** The last event: what was loaded (written with the highest id). */
  closing: { unitId: number; after: Record<string, unknown>; at: Date };
  onProgress?(written: number, total: number): void;
}

/**
 * Writes the event log: one row per step of every pledge's and concern's history, ordered by time (ties by
 * entity, then step), with ids ascending in that order, as if each change had committed at its time. Each
 * row's before/after are the workflow's snapshots, so `pledgeChanged` and replay read them like live events.
 */
export async function writeEventLog(writer: BulkWriter, input: EventLogInput): Promise<number> {
  const { pledges, concerns } = input;
  const entities = pledges.size + concerns.length;
  if (entities >= ENTITY_BITS)
    throw new Error(`Too many pledges and concerns (${entities}) for the event log.`);
  const concernHistories = concerns.map(concernSteps);
  let count = 0;
  for (let i = 0; i < pledges.size; i++) count += pledges.stepTimes(i).length;
  for (const steps of concernHistories) count += steps.length;

  const keys = new Float64Array(count);
  let k = 0;
  const push = (at: number, entity: number, step: number) => {
    const seconds = at - EPOCH;
    if (seconds < 0 || seconds >= TIME_BITS) throw new Error(`Event time ${at} out of range.`);
    keys[k++] = (seconds * ENTITY_BITS + entity) * STEP_BITS + step;
  };
  for (let i = 0; i < pledges.size; i++) pledges.stepTimes(i).forEach((at, step) => push(at, i, step));
  concernHistories.forEach((steps, c) => steps.forEach((s, step) => push(s.at, pledges.size + c, step)));
  keys.sort();

  let id = 0;
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j];
    const step = key % STEP_BITS;
    const entity = Math.floor(key / STEP_BITS) % ENTITY_BITS;
    let history: Step[] | null = null;
    let jsons: string[] | null = null;
    let entityType: string;
    let entityId: number;
    let unitId: number;
    if (entity < pledges.size) {
      jsons = pledges.stepJsons(entity, step);
      entityType = "Pledge";
      entityId = pledges.idOf(entity);
      unitId = pledges.unitOf(entity);
    } else {
      const concern = concerns[entity - pledges.size];
      history = concernHistories[entity - pledges.size];
      entityType = "Concern";
      entityId = concern.id as number;
      unitId = concern.raisedByUnitId as number;
    }
    writer.add("events", {
      id: ++id,
      occurredAt: new Date(Math.floor(key / STEP_BITS / ENTITY_BITS + EPOCH) * 1000),
      actorUserId: null,
      actorLabel: GENERATED_ACTOR,
      action: jsons ? pledges.actionOf(entity, step) : history![step].action,
      entityType,
      entityId,
      unitId,
      unitPath: input.pathOf(unitId),
      before: step === 0 ? null : jsons ? new RawJson(jsons[step - 1]) : snapshot(history![step - 1].state),
      after: jsons ? new RawJson(jsons[step]) : snapshot(history![step].state),
    });
    if (id % 5000 === 0) {
      await writer.checkpoint();
      input.onProgress?.(id, count + 1);
    }
  }
  writer.add("events", {
    id: ++id,
    occurredAt: input.closing.at,
    actorUserId: null,
    actorLabel: "system",
    action: "DEMO_DATA_LOADED",
    entityType: "OrgUnit",
    entityId: input.closing.unitId,
    unitId: input.closing.unitId,
    unitPath: input.pathOf(input.closing.unitId),
    before: null,
    after: input.closing.after,
  });
  await writer.checkpoint();
  input.onProgress?.(id, count + 1);
  return id;
}
