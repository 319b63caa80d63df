/**
 * Vietnamese text helpers: a search form without diacritics and a sort key that orders strings the way a
 * Vietnamese dictionary does (a ă â b c d đ e ê … with tones as a secondary level), so that both databases
 * can sort and search with plain indexed binary comparisons.
 */

const TONE_MARKS: Record<string, number> = {
  "\u0300": 1, // huyền
  "\u0309": 2, // hỏi
  "\u0303": 3, // ngã
  "\u0301": 4, // sắc
  "\u0323": 5, // nặng
};
const LETTER_MARKS: Record<string, string> = { "\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn" };

/** Lower case, no diacritics, đ → d, runs of spaces collapsed: "Cần Thơ" → "can tho". */
export function searchForm(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// The Vietnamese alphabet with the Latin letters it borrows, in dictionary order.
const ALPHABET = [
  "a",
  "ă",
  "â",
  "b",
  "c",
  "d",
  "đ",
  "e",
  "ê",
  "f",
  "g",
  "h",
  "i",
  "j",
  "k",
  "l",
  "m",
  "n",
  "o",
  "ô",
  "ơ",
  "p",
  "q",
  "r",
  "s",
  "t",
  "u",
  "ư",
  "v",
  "w",
  "x",
  "y",
  "z",
];
const RANK = new Map(ALPHABET.map((letter, index) => [letter, index]));

function baseLetters(text: string): { letter: string; tone: number }[] {
  const out: { letter: string; tone: number }[] = [];
  for (const char of text.toLowerCase().normalize("NFD")) {
    if (char in TONE_MARKS) {
      if (out.length > 0) out[out.length - 1].tone = TONE_MARKS[char];
    } else if (char in LETTER_MARKS && out.length > 0) {
      out[out.length - 1].letter = (out[out.length - 1].letter + char).normalize("NFC");
    } else if (/[\u0300-\u036f]/.test(char)) {
      continue;
    } else {
      out.push({ letter: char, tone: 0 });
    }
  }
  return out;
}

/**
 * A key of digits whose order under any collation (binary on SQLite, utf8mb4_unicode_ci on MySQL) is
 * Vietnamese dictionary order: two digits a character (primary level), then one digit a tone (secondary).
 */
export function sortKey(text: string): string {
  const letters = baseLetters(text.normalize("NFC"));
  let primary = "";
  let secondary = "";
  for (const { letter, tone } of letters) {
    const rank = RANK.get(letter);
    let code: number;
    if (rank !== undefined) code = 12 + rank;
    else if (/[0-9]/.test(letter)) code = 2 + Number(letter);
    else if (letter === " ") code = 1;
    else code = 0;
    primary += String(code).padStart(2, "0");
    secondary += String(tone);
  }
  return `${primary} ${secondary}`.slice(0, 250);
}
