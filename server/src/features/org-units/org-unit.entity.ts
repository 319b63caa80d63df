import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from "typeorm";
import { Node } from "../../core/node";
import { DateScalar, booleanTransformer, dateTransformer } from "../../core/scalars";
import { UnitKind, UnitLevel } from "./org-unit.enums";

/**
 * A unit of the hierarchy. The tree is a materialised path (`/1/12/345/`), so "a unit and everything under it"
 * is one indexed range scan: `path >= '/1/12/' AND path < '/1/120'`.
 */
@ObjectType("OrgUnit", {
  implements: Node,
  description: "An organisational unit (đơn vị): the city, a district, a commune or a Party cell.",
})
@Entity("org_unit")
@Index("idx_org_unit_kind_path", ["kind", "path"])
// Covers a page of descendants of some levels in name order: the range on (level, path) and the sort key come from
// the index alone, so only the page's rows are read (the id, the tie-breaker, is in every secondary index).
@Index("idx_org_unit_level_path_sort", ["level", "path", "sortKey"])
export class OrgUnit extends Node {
  @PrimaryGeneratedColumn()
  declare id: number;

  @Field({
    description:
      "Stable public code, e.g. `925` for Cờ Đỏ (district GSO code), `925.03` for one of its communes.",
  })
  @Column({ type: "varchar", length: 32, unique: true })
  code: string;

  @Field({ description: "Name as written in Vietnamese, without the kind prefix, e.g. `Cờ Đỏ`." })
  @Column({ type: "varchar", length: 120 })
  name: string;

  /** Lower case, no diacritics: what name search matches against. */
  @Index("idx_org_unit_search_name")
  @Column({ type: "varchar", length: 120 })
  searchName: string;

  /** Digits whose order is Vietnamese dictionary order of the name. */
  @Index("idx_org_unit_sort_key")
  @Column({ type: "varchar", length: 255 })
  sortKey: string;

  @Field(() => UnitKind, { description: "Kind of unit." })
  @Column({ type: "varchar", length: 24 })
  kind: UnitKind;

  @Field(() => UnitLevel, { description: "Level in the hierarchy, derived from the kind." })
  @Column({ type: "varchar", length: 16 })
  level: UnitLevel;

  @Index("idx_org_unit_parent")
  @Column({ type: "int", nullable: true })
  parentId: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "parent_id" })
  parent?: Relation<OrgUnit>;

  /** Materialised path of ids from the root, with slashes around each: `/1/12/345/`. */
  @Index("idx_org_unit_path", { unique: true })
  @Column({ type: "varchar", length: 255 })
  path: string;

  @Field(() => Int, {
    description: "Depth in the tree: 0 for the city, 1 for districts, 2 communes, 3 cells.",
  })
  @Column({ type: "int" })
  depth: number;

  @Field(() => String, {
    nullable: true,
    description: "Code in the national statistics list (mã GSO), where known.",
  })
  @Column({ type: "varchar", length: 16, nullable: true })
  gsoCode: string | null;

  @Field(() => DateScalar, { description: "First day the unit exists in this form." })
  @Column({ type: "date", transformer: dateTransformer })
  validFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Last day the unit exists in this form (merged, renamed, abolished); null while it is current.",
  })
  @Column({ type: "date", nullable: true, transformer: dateTransformer })
  validTo: string | null;

  @Field({
    description:
      "True when the unit is demo data generated to fill in what the source does not list (e.g. cells of districts the article does not count).",
  })
  @Column({ type: "boolean", default: false, transformer: booleanTransformer })
  generated: boolean;
}

/** Upper bound of a subtree's path range: every path that starts with `/1/12/` is below `/1/120`. */
export function subtreeUpperBound(path: string): string {
  return `${path.slice(0, -1)}0`;
}
