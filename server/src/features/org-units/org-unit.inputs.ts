import { Field, InputType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../core/scalars";
import { UnitRef } from "../../core/subtree";
import { UnitKind, UnitLevel } from "./org-unit.enums";

export enum OrgUnitOrderField {
  NAME = "NAME",
  CODE = "CODE",
  PATH = "PATH",
}
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrgUnitOrderField, {
  name: "OrgUnitOrderField",
  description: "What to sort units by.",
  valuesConfig: {
    NAME: { description: "Name, in Vietnamese dictionary order (a ă â b c d đ …, tones second)." },
    CODE: { description: "Public code." },
    PATH: { description: "Tree order: each unit followed by its subtree." },
  },
});
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Sort direction.",
  valuesConfig: { ASC: { description: "Ascending." }, DESC: { description: "Descending." } },
});

@InputType("OrgUnitFilter", { description: "Which units to list; all conditions must hold." })
export class OrgUnitFilter {
  @Field(() => UnitRef, { nullable: true, description: "Only units in this unit's subtree." })
  under?: UnitRef;

  @Field({ nullable: true, description: "With `under`: include the unit itself. Default false." })
  includeRoot?: boolean;

  @Field(() => [UnitKind], { nullable: true, description: "Only units of these kinds." })
  kinds?: UnitKind[];

  @Field(() => [UnitLevel], { nullable: true, description: "Only units at these levels." })
  levels?: UnitLevel[];

  @Field({
    nullable: true,
    description:
      "Words that must all occur in the name (or equal the code), ignoring case and diacritics: `can tho` finds `Cần Thơ`.",
  })
  search?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only units that exist on this day." })
  validOn?: Date;

  @Field({
    nullable: true,
    description: "Only generated demo units (true) or only units from the sources (false).",
  })
  generated?: boolean;
}

@InputType("OrgUnitOrder", { description: "Sort order of a unit list." })
export class OrgUnitOrder {
  @Field(() => OrgUnitOrderField, { description: "Sort key." })
  field: OrgUnitOrderField;

  @Field(() => SortDirection, { nullable: true, description: "Direction, ascending by default." })
  direction?: SortDirection;
}
