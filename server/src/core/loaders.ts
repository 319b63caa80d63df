import DataLoader from "dataloader";
import { EntityTarget, In, ObjectLiteral, type DataSource } from "typeorm";
import { entityRows, placeholders } from "./entity-rows";

/**
 * Per-request DataLoaders, created on first use and keyed by a name that includes the arguments that shape
 * the batch (for example `pledgesByUnit:2016`). Field resolvers load through these, never through a repository.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(readonly db: DataSource) {}

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Forgets everything loaded so far (after a mutation, so that its response shows the new state). */
  clear(): void {
    this.loaders.clear();
  }

  /** One row per id, null where none exists. */
  byId<T extends ObjectLiteral & { id: number }>(
    entity: EntityTarget<T>,
    name: string,
  ): DataLoader<number, T | null> {
    return this.get<number, T | null>(`${name}ById`, async (ids) => {
      const rows = await this.db.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /**
   * One row per id, null where none exists, read with hand-written SQL and hydrated cheaply (see entity-rows.ts):
   * for the types that hot pages load in bulk (units, directives, terms).
   */
  rowsById<T extends ObjectLiteral & { id: number }>(
    entity: new () => T,
    name: string,
  ): DataLoader<number, T | null> {
    return this.get<number, T | null>(`${name}ById`, async (ids) => {
      const rows = entityRows(this.db, entity);
      const found = (await this.db.query(
        `SELECT ${rows.columns("t")} FROM ${rows.table} t WHERE t.id IN (${placeholders(ids)})`,
        [...ids],
      )) as Record<string, unknown>[];
      const byId = new Map<number, T>();
      for (const row of found) {
        const item = rows.hydrate(row);
        byId.set(item.id, item);
      }
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

/** Groups rows by a key, returning one (possibly empty) list per requested key, in order. */
export function groupRows<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A per-request loader of lists grouped by a foreign key, shaped by arguments (which become part of its name,
 * so that `pledges(year: 2015)` and `pledges(year: 2016)` batch separately).
 */
export function listLoader<T>(
  loaders: Loaders,
  name: string,
  args: unknown,
  fetch: (keys: readonly number[]) => Promise<T[]>,
  keyOf: (row: T) => number,
): DataLoader<number, T[]> {
  return loaders.get<number, T[]>(`${name}:${JSON.stringify(args ?? null)}`, async (keys) =>
    groupRows(keys, await fetch(keys), keyOf),
  );
}
