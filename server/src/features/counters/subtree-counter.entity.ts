import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Totals over the whole subtree of a unit (the unit itself included), kept in the same transaction as every
 * change they count, so that a dashboard reads a handful of rows instead of scanning a million pledges.
 *
 * Rows exist for units that can have children (every level but CELL); a cell's figures are its own rows, read
 * from the base tables. `period` is a year (2016), a month (201603) or 0, as the metric says (counter-metrics.ts).
 * Point metrics hold the figure of exactly that period; cumulative ones hold changes, summed over periods ≤ the
 * one asked (e.g. communes existing in a year: +1 the year a commune appears, −1 the year after it ends).
 */
@Entity("subtree_counter")
export class SubtreeCounter {
  @PrimaryColumn({ type: "int" })
  unitId: number;

  @PrimaryColumn({ type: "int" })
  period: number;

  @PrimaryColumn({ type: "varchar", length: 32 })
  metric: string;

  @Column({ type: "int" })
  value: number;
}
