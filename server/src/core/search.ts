import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "./errors";
import { searchForm } from "./vietnamese";

let seq = 0;

/** The words of a search without diacritics or punctuation: `"Cần  Thơ!"` → `["can", "tho"]`. */
export function searchWords(search: string): string[] {
  const words = searchForm(search)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) throw badInput("search must contain at least one letter or digit.", { search });
  return words;
}

/**
 * Every word must occur in the `searchName` column (lower case, no diacritics), or, with `codeColumn`, equal
 * the code. Words hold only [a-z0-9], so nothing in them needs escaping for LIKE.
 */
export function whereSearchMatches<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  searchColumn: string,
  search: string,
  codeColumn?: string,
): SelectQueryBuilder<T> {
  for (const word of searchWords(search)) {
    const n = ++seq % 1_000_000;
    const byName = `${searchColumn} LIKE :search_${n}`;
    query.andWhere(codeColumn ? `(${byName} OR ${codeColumn} = :word_${n})` : byName, {
      [`search_${n}`]: `%${word}%`,
      [`word_${n}`]: word,
    });
  }
  return query;
}
