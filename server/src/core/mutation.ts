import { createHash } from "node:crypto";
import { Arg } from "type-graphql";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Event } from "../features/events/event.entity";
import { IdempotencyKey } from "../features/idempotency/idempotency-key.entity";
import { requireViewer, type Viewer } from "./auth/viewer";
import type { Context } from "./context";
import { ApiError, ErrorCode, badInput } from "./errors";

/** The optional `idempotencyKey` argument every mutation takes, described once. */
export const IdempotencyKeyArg = () =>
  Arg("idempotencyKey", () => String, {
    nullable: true,
    description:
      "A unique key for this change (8–128 characters). A retry with the same key and input returns the first result and does not act twice; the same key with other input is refused with IDEMPOTENCY_KEY_REUSED.",
  });

/** One change to record in the event log, in the mutation's transaction. */
export interface Change {
  action: string;
  entityType: string;
  entityId: number;
  /** The unit the change belongs to: subscriptions and the event filter scope by it. */
  unit: { id: number; path: string } | null;
  before: unknown;
  after: unknown;
}

export interface MutationScope {
  manager: EntityManager;
  viewer: Viewer;
  /** Records a change; its event row is written in this transaction, just before it commits. */
  record(change: Change): Promise<void>;
}

/** A JSON-safe copy of an entity for the event log (dates as ISO strings, no relations). */
export function snapshot<T extends object>(entity: T | null | undefined): Record<string, unknown> | null {
  if (!entity) return null;
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (value instanceof Date) plain[key] = value.toISOString();
    else if (value === null || ["string", "number", "boolean"].includes(typeof value) || Array.isArray(value))
      plain[key] = value;
  }
  return plain;
}

/**
 * SQLite has one writer and TypeORM's better-sqlite3 driver shares one connection: two overlapping
 * transactions would nest (the second becomes a savepoint inside the first, and shares its fate). So on SQLite
 * transactions run one after another, in arrival order.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

export function inTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type !== "better-sqlite3") return db.transaction(work);
  const previous = sqliteQueues.get(db) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => db.transaction(work));
  sqliteQueues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Writes a mutation's event rows at the end of its transaction, under a lock on the single row of `event_lock`,
 * so that event ids ascend in commit order: a reader tailing the table by id never skips an event that commits
 * late. (SQLite needs no lock: its transactions already run one at a time.) Returns how many rows it wrote.
 */
async function writeEvents(manager: EntityManager, viewer: Viewer, changes: Change[]): Promise<number> {
  if (changes.length === 0) return 0;
  if (manager.connection.options.type !== "better-sqlite3")
    await manager.query("SELECT id FROM event_lock WHERE id = 1 FOR UPDATE");
  const repository = manager.getRepository(Event);
  for (const change of changes) {
    await repository.insert({
      actorUserId: viewer.userId,
      actorLabel: viewer.username,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      unitId: change.unit?.id ?? null,
      unitPath: change.unit?.path ?? null,
      before: change.before as object,
      after: change.after as object,
    });
  }
  return changes.length;
}

export const isDuplicateKey = (error: unknown) => {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.code ?? e.driverError?.code ?? "";
  return code === "ER_DUP_ENTRY" || code.startsWith("SQLITE_CONSTRAINT");
};

/**
 * Runs a mutation: authenticated, in one transaction with its event rows, optionally idempotent. With an
 * idempotency key, a retry with the same input returns the entity the first call produced (in its current
 * state) and does not act again; the same key with different input is refused with IDEMPOTENCY_KEY_REUSED.
 * The per-request loaders are cleared afterwards, so that the response shows the new state.
 */
export async function runMutation<T extends ObjectLiteral & { id: number }>(
  ctx: Context,
  operation: {
    name: string;
    entity: EntityTarget<T>;
    entityType: string;
    input: unknown;
    idempotencyKey?: string | null;
  },
  work: (scope: MutationScope) => Promise<T>,
): Promise<T> {
  const viewer = requireViewer(ctx);
  if (viewer.apiKeyId != null) throw new ApiError(ErrorCode.FORBIDDEN, "API keys are read-only.");
  const key = operation.idempotencyKey ?? null;
  if (key != null && (key.length < 8 || key.length > 128))
    throw badInput("idempotencyKey must be 8 to 128 characters.");
  const requestHash = createHash("sha256")
    .update(JSON.stringify(operation.input ?? null))
    .digest("hex");

  const replay = async (manager: EntityManager): Promise<T | null> => {
    if (key == null) return null;
    const previous = await manager.getRepository(IdempotencyKey).findOneBy({ userId: viewer.userId, key });
    if (!previous) return null;
    if (previous.operation !== operation.name || previous.requestHash !== requestHash) {
      throw new ApiError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        "This idempotency key was used for a different request.",
        { idempotencyKey: key },
      );
    }
    return manager.getRepository(operation.entity).findOneByOrFail({ id: previous.entityId } as never);
  };

  try {
    let written = 0;
    const result = await inTransaction(ctx.db, async (manager) => {
      const previous = await replay(manager);
      if (previous) return previous;
      const changes: Change[] = [];
      const scope: MutationScope = {
        manager,
        viewer,
        record: async (change) => {
          changes.push(change);
        },
      };
      const entity = await work(scope);
      written = await writeEvents(manager, viewer, changes);
      if (key != null) {
        await manager.getRepository(IdempotencyKey).insert({
          userId: viewer.userId,
          key,
          operation: operation.name,
          requestHash,
          entityType: operation.entityType,
          entityId: entity.id,
        });
      }
      return entity;
    });
    // Published only after commit: subscribers then read the committed rows from the event table.
    if (written > 0) ctx.signalEvents();
    return result;
  } catch (error) {
    // A concurrent retry with the same key committed first: answer with its result.
    if (key != null && isDuplicateKey(error)) {
      const previous = await replay(ctx.db.manager);
      if (previous) return previous;
    }
    throw error;
  } finally {
    ctx.loaders.clear();
  }
}
