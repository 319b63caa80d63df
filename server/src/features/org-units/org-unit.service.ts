import type { Context } from "../../core/context";
import { ApiError, ErrorCode, badInput } from "../../core/errors";
import { idOfType } from "../../core/global-id";
import { groupRows } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { toDateString } from "../../core/scalars";
import { whereInSubtree, type UnitRef } from "../../core/subtree";
import { whereSearchMatches } from "../../core/search";
import { OrgUnit } from "./org-unit.entity";
import type { OrgUnitFilter, OrgUnitOrder } from "./org-unit.inputs";

export const unitById = (ctx: Context) => ctx.loaders.byId(OrgUnit, "unit");

export const unitByCode = (ctx: Context) =>
  ctx.loaders.get<string, OrgUnit | null>("unitByCode", async (codes) => {
    const rows = await ctx.db
      .getRepository(OrgUnit)
      .createQueryBuilder("u")
      .where("u.code IN (:...codes)", { codes })
      .getMany();
    const byCode = new Map(rows.map((row) => [row.code, row]));
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
