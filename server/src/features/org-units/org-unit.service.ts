import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { entityRows, placeholders } from "../../core/entity-rows";
import { groupRows } from "../../core/loaders";
import { keysetPage, keysetSql, paginate, type Page, type SqlSortKey } from "../../core/pagination";
import { toDateString } from "../../core/scalars";
import { whereInSubtree, type UnitRef } from "../../core/subtree";
import { whereSearchMatches } from "../../core/search";
import { OrgUnit, subtreeUpperBound } from "./org-unit.entity";
import type { OrgUnitFilter, OrgUnitOrder } from "./org-unit.inputs";

export const unitById = (ctx: Context) => ctx.loaders.rowsById(OrgUnit, "unit");

/** Units by code; each one found also answers `unitById` for the rest of the request. */
export const unitByCode = (ctx: Context) =>
  ctx.loaders.get<string, OrgUnit | null>("unitByCode", async (codes) => {
    const units = entityRows(ctx.db, OrgUnit);
    const rows = (await ctx.db.query(
      `SELECT ${units.columns("u")} FROM org_unit u WHERE u.code IN (${placeholders(codes)})`,
      [...codes],
    )) as Record<string, unknown>[];
    const byId = unitById(ctx);
    const byCode = new Map<string, OrgUnit>();
    for (const row of rows) {
      const unit = units.hydrate(row);
      byCode.set(unit.code, unit);
      byId.prime(unit.id, unit);
    }
    return codes.map((code) => byCode.get(code) ?? null);
  });

export const childrenOf = (ctx: Context) =>
  ctx.loaders.get<number, OrgUnit[]>("unitChildren", async (ids) => {
    const rows = await ctx.db
      .getRepository(OrgUnit)
      .createQueryBuilder("u")
      .where("u.parentId IN (:...ids)", { ids })
      .orderBy("u.sortKey")
      .addOrderBy("u.id")
      .getMany();
    return groupRows(ids, rows, (row) => row.parentId!);
  });

/** The unit with this code; UNIT_NOT_FOUND when there is none. */
export async function unitWithCode(ctx: Context, code: string): Promise<OrgUnit> {
  const unit = await unitByCode(ctx).load(code);
  if (!unit)
    throw new ApiError(ErrorCode.UNIT_NOT_FOUND, `No unit has the code "${code}".`, { unitCode: code });
  return unit;
}

/** Resolves a UnitRef (exactly one of id or code); UNIT_NOT_FOUND when it names nothing. */
export async function resolveUnitRef(ctx: Context, ref: UnitRef): Promise<OrgUnit> {
  if ((ref.id == null) === (ref.code == null))
    throw badInput("Name a unit by exactly one of `id` or `code`.");
  if (ref.code != null) return unitWithCode(ctx, ref.code);
  const unit = await unitById(ctx).load(idOfType(ref.id!, "OrgUnit"));
  if (!unit) throw new ApiError(ErrorCode.UNIT_NOT_FOUND, `No unit has the ID "${ref.id}".`, { id: ref.id });
  return unit;
}

/** The path of the subtree a filter's `under` names, or null when it names none. */
export async function subtreePath(ctx: Context, under: UnitRef | undefined | null): Promise<string | null> {
  return under ? (await resolveUnitRef(ctx, under)).path : null;
}

/** Ancestors from the root down to the parent, read off the materialised path. */
export async function ancestorsOf(ctx: Context, unit: OrgUnit): Promise<OrgUnit[]> {
  const ids = unit.path.split("/").filter(Boolean).map(Number).slice(0, -1);
  const units = await unitById(ctx).loadMany(ids);
  return units.filter((u): u is OrgUnit => u instanceof OrgUnit);
}

export async function listUnits(
  ctx: Context,
  filter: OrgUnitFilter = {},
  order: OrgUnitOrder | undefined,
  page: { first?: number; after?: string },
  root?: OrgUnit,
): Promise<Page<OrgUnit>> {
  if (filter.search == null && filter.validOn == null && filter.generated == null)
    return pageOfUnits(ctx, filter, order, page, root);
  const query = ctx.db.getRepository(OrgUnit).createQueryBuilder("unit");
  const path = root?.path ?? (await subtreePath(ctx, filter.under));
  if (path)
    whereInSubtree(query, "unit.id", path, { includeRoot: root ? false : (filter.includeRoot ?? false) });
  if (filter.kinds?.length) query.andWhere("unit.kind IN (:...kinds)", { kinds: filter.kinds });
  if (filter.levels?.length) query.andWhere("unit.level IN (:...levels)", { levels: filter.levels });
  if (filter.search != null) whereSearchMatches(query, "unit.searchName", filter.search, "unit.code");
  if (filter.validOn != null) {
    const day = toDateString(filter.validOn);
    query.andWhere("unit.validFrom <= :day AND (unit.validTo IS NULL OR unit.validTo >= :day)", { day });
  }
  if (filter.generated != null)
    query.andWhere("unit.generated = :generated", { generated: filter.generated });
  const direction = order?.direction ?? "ASC";
  switch (order?.field ?? "NAME") {
    case "CODE":
      return paginate(query, page, [
        { path: "unit.code", direction, value: (u) => u.code },
        { path: "unit.id", direction, value: (u) => u.id },
      ]);
    case "PATH":
      return paginate(query, page, [
        { path: "unit.path", direction, value: (u) => u.path },
        { path: "unit.id", direction, value: (u) => u.id },
      ]);
    default:
      return paginate(query, page, [
        { path: "unit.sortKey", direction, value: (u) => u.sortKey },
        { path: "unit.id", direction, value: (u) => u.id },
      ]);
  }
}

const UNIT_ORDER_COLUMNS = { NAME: "sort_key", CODE: "code", PATH: "path" } as const;
const UNIT_ORDER_VALUES = {
  NAME: (u: OrgUnit) => u.sortKey,
  CODE: (u: OrgUnit) => u.code,
  PATH: (u: OrgUnit) => u.path,
} as const;

/**
 * `listUnits` without name search, validity or `generated` filters, in hand-written SQL: the page's ids come from
 * the index on (level, path, sort_key) alone (a range of one subtree, sorted), then only those rows are read. The
 * same page, order and cursors as the query-builder path.
 */
async function pageOfUnits(
  ctx: Context,
  filter: OrgUnitFilter,
  order: OrgUnitOrder | undefined,
  page: { first?: number; after?: string },
  root?: OrgUnit,
): Promise<Page<OrgUnit>> {
  const path = root?.path ?? (await subtreePath(ctx, filter.under));
  const where: string[] = [];
  const params: unknown[] = [];
  if (path) {
    const includeRoot = root ? false : (filter.includeRoot ?? false);
    where.push(`path ${includeRoot ? ">=" : ">"} ? AND path < ?`);
    params.push(path, subtreeUpperBound(path));
  }
  if (filter.kinds?.length) {
    where.push(`kind IN (${placeholders(filter.kinds)})`);
    params.push(...filter.kinds);
  }
  if (filter.levels?.length) {
    where.push(`level IN (${placeholders(filter.levels)})`);
    params.push(...filter.levels);
  }
  const field = order?.field ?? "NAME";
  const direction = order?.direction ?? "ASC";
  const keys: SqlSortKey<OrgUnit>[] = [
    { sql: UNIT_ORDER_COLUMNS[field], direction, value: UNIT_ORDER_VALUES[field] },
    { sql: "id", direction, value: (u) => u.id },
  ];
  const { size, orderBy, after, limit } = keysetSql(page, keys);
  const count = async () => {
    const [row] = (await ctx.db.query(
      `SELECT COUNT(*) AS n FROM org_unit${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`,
      params,
    )) as { n: number | string }[];
    return Number(row.n);
  };
  let units: OrgUnit[] = [];
  if (size > 0) {
    const pageWhere = after ? [...where, after.sql] : where;
    const rows = entityRows(ctx.db, OrgUnit);
    const found = (await ctx.db.query(
      `SELECT ${rows.columns("u")} FROM org_unit u JOIN (
         SELECT id FROM org_unit${pageWhere.length ? ` WHERE ${pageWhere.join(" AND ")}` : ""}
         ORDER BY ${orderBy} LIMIT ${limit}) page ON page.id = u.id
       ORDER BY ${keys.map((k) => `u.${k.sql} ${k.direction}`).join(", ")}`,
      after ? [...params, ...after.params] : params,
    )) as Record<string, unknown>[];
    units = found.map((row) => rows.hydrate(row));
  }
  return keysetPage(units, size, page, keys, count);
}
