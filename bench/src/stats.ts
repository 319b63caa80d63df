/** Percentile of an ascending array (nearest rank); NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function sortedFloat64(values: number[] | Float64Array): Float64Array {
  const array = Float64Array.from(values);
  array.sort();
  return array;
}

export const round = (value: number, digits = 1) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;

export const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b != null && b !== 0 && Number.isFinite(a) && Number.isFinite(b) ? round(a / b, 2) : null;
