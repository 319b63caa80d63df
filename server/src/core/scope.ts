import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { In } from "typeorm";
import { OrgUnit, subtreeUpperBound } from "../features/org-units/org-unit.entity";
import { unitById } from "../features/org-units/org-unit.service";
import { covers, scopePath } from "./auth/viewer";
import type { Context } from "./context";
import { entityRows, placeholders, quoteName } from "./entity-rows";
import { joinInOrder, whereInSubtree } from "./subtree";

/**
 * Row scope: a signed-in user sees rows whose unit lies in the subtree of the user's unit; an anonymous caller
 * sees none of the scoped types (top-level lists answer UNAUTHENTICATED, nested lists are empty, `node` is null).
 * Every read path of a scoped type goes through one of these.
 */

/** Cuts a top-level list to the caller's subtree; UNAUTHENTICATED for anonymous callers. */
export function whereVisible<T extends ObjectLiteral>(
  ctx: Context,
  query: SelectQueryBuilder<T>,
  unitIdColumn: string,
): SelectQueryBuilder<T> {
  return whereInSubtree(query, unitIdColumn, scopePath(ctx));
}

/** SQL condition (for OR-combinations) that the unit in `unitIdColumn` is in the caller's subtree. */
export function visibleUnitCondition(
  ctx: Context,
  unitIdColumn: string,
  name: string,
): { sql: string; params: Record<string, string> } {
  const path = scopePath(ctx);
  return {
    sql: `EXISTS (SELECT 1 FROM org_unit ${name} WHERE ${name}.id = ${unitIdColumn} AND ${name}.path >= :${name}_lo AND ${name}.path < :${name}_hi)`,
    params: { [`${name}_lo`]: path, [`${name}_hi`]: subtreeUpperBound(path) },
  };
}

/** Paths of units by id, through the request's unit loader (one batched query). */
export async function unitPaths(
  ctx: Context,
  unitIds: readonly (number | null)[],
): Promise<Map<number, string>> {
  const ids = [...new Set(unitIds.filter((id): id is number => id != null))];
  const units = await unitById(ctx).loadMany(ids);
  return new Map(units.filter((u): u is OrgUnit => u instanceof OrgUnit).map((u) => [u.id, u.path]));
}

/** True when the caller may see a row that belongs to any of these units. */
export async function seesAnyUnit(ctx: Context, unitIds: (number | null)[]): Promise<boolean> {
  if (!ctx.viewer) return false;
  const paths = await unitPaths(ctx, unitIds);
  return [...paths.values()].some((path) => covers(ctx.viewer, path));
}

/**
 * A by-id loader for a scoped type: loads the rows, then drops those whose units the caller may not see, so
 * that `node(id:)` and every nested reference answer null instead of leaking the row.
 */
export function scopedById<T extends ObjectLiteral & { id: number }>(
  ctx: Context,
  entity: EntityTarget<T>,
  name: string,
  unitsOf: (row: T) => (number | null)[],
) {
  return ctx.loaders.get<number, T | null>(`${name}ByIdScoped`, async (ids) => {
    if (!ctx.viewer) return ids.map(() => null);
    const rows = await ctx.db.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const paths = await unitPaths(ctx, rows.flatMap(unitsOf));
    const visible = new Map(
      rows
        .filter((row) =>
          unitsOf(row).some((unitId) => unitId != null && covers(ctx.viewer, paths.get(unitId) ?? "")),
        )
        .map((row) => [row.id, row]),
    );
    return ids.map((id) => visible.get(id) ?? null);
  });
}

/**
 * `scopedById` for a type whose rows belong to exactly one unit (`unitColumn`, not null): the rows and the scope
 * check in one hand-written statement, joining the unit's path instead of loading the units afterwards.
 */
export function scopedRowsById<T extends ObjectLiteral & { id: number }>(
  ctx: Context,
  entity: new () => T,
  name: string,
  unitColumn: string,
) {
  return ctx.loaders.get<number, T | null>(`${name}ByIdScoped`, async (ids) => {
    if (!ctx.viewer) return ids.map(() => null);
    const path = ctx.viewer.unitPath;
    const rows = entityRows(ctx.db, entity);
    const found = (await ctx.db.query(
      `SELECT ${rows.columns("t")} FROM ${rows.table} t ${joinInOrder(ctx.db)} org_unit u ON u.id = t.${quoteName(unitColumn)}
       WHERE t.id IN (${placeholders(ids)}) AND u.path >= ? AND u.path < ?`,
      [...ids, path, subtreeUpperBound(path)],
    )) as Record<string, unknown>[];
    const visible = new Map<number, T>();
    for (const row of found) {
      const item = rows.hydrate(row);
      visible.set(item.id, item);
    }
    return ids.map((id) => visible.get(id) ?? null);
  });
}

/** The caller's subtree path for nested (loader) reads; null for anonymous callers, who see no scoped rows. */
export function loaderScope(ctx: Context): string | null {
  return ctx.viewer?.unitPath ?? null;
}

/** SQL: the member in `memberIdColumn` has their home unit in, or directs a unit in, the subtree at `path`. */
export function memberVisibleSql(memberAlias: string, name: string): string {
  return `(EXISTS (SELECT 1 FROM org_unit ${name}_h WHERE ${name}_h.id = ${memberAlias}.home_unit_id AND ${name}_h.path >= :${name}_lo AND ${name}_h.path < :${name}_hi)
    OR EXISTS (SELECT 1 FROM assignment ${name}_a JOIN org_unit ${name}_u ON ${name}_u.id = ${name}_a.unit_id
      WHERE ${name}_a.member_id = ${memberAlias}.id AND ${name}_u.path >= :${name}_lo AND ${name}_u.path < :${name}_hi))`;
}

export function pathRange(path: string, name: string): Record<string, string> {
  return { [`${name}_lo`]: path, [`${name}_hi`]: subtreeUpperBound(path) };
}
