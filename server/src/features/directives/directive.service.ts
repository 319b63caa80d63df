import { Field, InputType } from "type-graphql";
import type { Context } from "../../core/context";
import { paginate, type Page } from "../../core/pagination";
import { whereInSubtree, UnitRef } from "../../core/subtree";
import { subtreePath } from "../org-units/org-unit.service";
import { Directive, DirectiveType } from "./directive.entity";

export const directiveById = (ctx: Context) => ctx.loaders.rowsById(Directive, "directive");

@InputType("DirectiveFilter", { description: "Which directives to list; all conditions must hold." })
export class DirectiveFilter {
  @Field(() => UnitRef, {
    nullable: true,
    description: "Only directives issued by units in this unit's subtree (the unit included).",
  })
  issuedUnder?: UnitRef;

  @Field(() => [DirectiveType], { nullable: true, description: "Only directives of these types." })
  types?: DirectiveType[];

  @Field({ nullable: true, description: "Only the directive with this number as written, e.g. `02-NQ/QU`." })
  number?: string;
}

export async function listDirectives(
  ctx: Context,
  filter: DirectiveFilter = {},
  page: { first?: number; after?: string },
): Promise<Page<Directive>> {
  const query = ctx.db.getRepository(Directive).createQueryBuilder("d");
  const path = await subtreePath(ctx, filter.issuedUnder);
  if (path) whereInSubtree(query, "d.issuerUnitId", path);
  if (filter.types?.length) query.andWhere("d.type IN (:...types)", { types: filter.types });
  if (filter.number != null) query.andWhere("d.number = :number", { number: filter.number });
  return paginate(query, page, [{ path: "d.id", direction: "ASC", value: (d) => d.id }]);
}
