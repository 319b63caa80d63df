import { badInput } from "./errors";
import { yearPeriod } from "./period";
import { toDateString } from "./scalars";

/** Trimmed text; BAD_USER_INPUT when required and empty, or when too long; null when empty. */
export function text(
  value: string | undefined | null,
  field: string,
  max: number,
  required: boolean,
): string | null {
  const trimmed = value?.trim() ?? "";
  if (required && trimmed === "") throw badInput(`${field} must not be empty.`, { field });
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, { field });
  return trimmed === "" ? null : trimmed;
}

/** A day given as input, checked to lie in a sensible year. */
export function day(value: Date | string, field: string): string {
  const result = toDateString(value);
  try {
    yearPeriod(Number(result.slice(0, 4)));
  } catch {
    throw badInput(`${field} must lie between 1945 and 2100.`, { field });
  }
  return result;
}
