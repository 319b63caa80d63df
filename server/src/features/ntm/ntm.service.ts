import { Field, InputType, Int } from "type-graphql";
import type { Context } from "../../core/context";
import { listLoader } from "../../core/loaders";
import { paginate, type Page } from "../../core/pagination";
import { whereInSubtree, UnitRef } from "../../core/subtree";
import { OrgUnit } from "../org-units/org-unit.entity";
import { UnitLevel } from "../org-units/org-unit.enums";
import { subtreePath } from "../org-units/org-unit.service";
import { NtmCriterionStatus } from "./ntm-criterion-status.entity";
import { NtmCriterion } from "./ntm-criterion.entity";
import { NtmRecognition } from "./ntm-recognition.entity";

export const criterionById = (ctx: Context) => ctx.loaders.byId(NtmCriterion, "ntmCriterion");
export const ntmStatusById = (ctx: Context) => ctx.loaders.byId(NtmCriterionStatus, "ntmStatus");
export const recognitionById = (ctx: Context) => ctx.loaders.byId(NtmRecognition, "ntmRecognition");

export const allCriteria = (ctx: Context) =>
  ctx.loaders
    .get<number, NtmCriterion[]>("allCriteria", async (keys) => {
      const rows = await ctx.db.getRepository(NtmCriterion).find({ order: { number: "ASC" } });
      return keys.map(() => rows);
    })
    .load(0);

export const statusesOfUnit = (ctx: Context, year: number) =>
  listLoader(
    ctx.loaders,
    "ntmStatusesOfUnit",
    year,
    (ids) =>
      ctx.db
        .getRepository(NtmCriterionStatus)
        .createQueryBuilder("s")
        .innerJoin(NtmCriterion, "c", "c.id = s.criterionId")
        .where("s.unitId IN (:...ids) AND s.year = :year", { ids, year })
        .orderBy("c.number")
        .getMany(),
    (s) => s.unitId,
  );

export const recognitionOfUnit = (ctx: Context) =>
  ctx.loaders.get<number, NtmRecognition | null>("recognitionOfUnit", async (ids) => {
    const rows = await ctx.db
      .getRepository(NtmRecognition)
      .createQueryBuilder("r")
      .where("r.unitId IN (:...ids)", { ids })
      .getMany();
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    return ids.map((id) => byUnit.get(id) ?? null);
  });

@InputType("NtmRecognitionFilter", {
  description: "Which recognition decisions to list; all conditions must hold.",
})
export class NtmRecognitionFilter {
  @Field(() => UnitRef, { nullable: true, description: "Only units in this subtree (the unit included)." })
  under?: UnitRef;

  @Field(() => Int, { nullable: true, description: "Only decisions made in or before this year." })
  byYear?: number;

  @Field(() => [UnitLevel], {
    nullable: true,
    description: "Only units at these levels (COMMUNE, DISTRICT).",
  })
  levels?: UnitLevel[];
}

@InputType("NtmStatusFilter", {
  description: "Which criterion assessments to list; all conditions must hold.",
})
export class NtmStatusFilter {
  @Field(() => UnitRef, { nullable: true, description: "Only communes in this subtree (the unit included)." })
  under?: UnitRef;

  @Field(() => Int, { nullable: true, description: "Only this year." })
  year?: number;

  @Field(() => Int, { nullable: true, description: "Only this criterion (number 1–19)." })
  criterionNumber?: number;

  @Field({ nullable: true, description: "Only met (true) or unmet (false) criteria." })
  met?: boolean;
}

export async function listRecognitions(
  ctx: Context,
  filter: NtmRecognitionFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<NtmRecognition>> {
  const query = ctx.db.getRepository(NtmRecognition).createQueryBuilder("r");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "r.unitId", path);
  if (filter.byYear != null) query.andWhere("r.year <= :byYear", { byYear: filter.byYear });
  if (filter.levels?.length) {
    query
      .innerJoin(OrgUnit, "ru", "ru.id = r.unitId")
      .andWhere("ru.level IN (:...levels)", { levels: filter.levels });
  }
  return paginate(query, page, [{ path: "r.id", direction: "ASC", value: (r) => r.id }]);
}

export async function listStatuses(
  ctx: Context,
  filter: NtmStatusFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<NtmCriterionStatus>> {
  const query = ctx.db.getRepository(NtmCriterionStatus).createQueryBuilder("s");
  const path = await subtreePath(ctx, filter.under);
  if (path) whereInSubtree(query, "s.unitId", path);
  if (filter.year != null) query.andWhere("s.year = :year", { year: filter.year });
  if (filter.met != null) query.andWhere("s.met = :met", { met: filter.met });
  if (filter.criterionNumber != null) {
    query.innerJoin(NtmCriterion, "sc", "sc.id = s.criterionId AND sc.number = :num", {
      num: filter.criterionNumber,
    });
  }
  return paginate(query, page, [{ path: "s.id", direction: "ASC", value: (s) => s.id }]);
}
