import type { Random } from "../random";
import {
  FAMILY as BASE_FAMILY,
  GIVEN_FEMALE as BASE_GIVEN_FEMALE,
  GIVEN_MALE as BASE_GIVEN_MALE,
  MIDDLE_FEMALE as BASE_MIDDLE_FEMALE,
  MIDDLE_MALE as BASE_MIDDLE_MALE,
  REAL_NAMES,
} from "../names";

/**
 * Fictional Vietnamese place and person names for the generated country, from small syllable lists. None is
 * meant to be a real place; people's names avoid the officials the source article quotes.
 */
const PLACE_SYLLABLES = [
  "An",
  "Bình",
  "Hòa",
  "Long",
  "Phú",
  "Tân",
  "Thạnh",
  "Vĩnh",
  "Quảng",
  "Hà",
  "Hải",
  "Ninh",
  "Thái",
  "Nam",
  "Bắc",
  "Đông",
  "Tây",
  "Kiên",
  "Hậu",
  "Sơn",
  "Lâm",
  "Gia",
  "Đồng",
  "Thanh",
  "Quang",
  "Yên",
  "Tuyên",
  "Cao",
  "Hưng",
  "Phước",
  "Lộc",
  "Xuân",
  "Định",
  "Nhơn",
  "Thuận",
  "Mỹ",
  "Trà",
  "Trường",
  "Lợi",
  "Đức",
  "Khánh",
  "Điền",
  "Hiệp",
  "Thới",
  "Giang",
  "Phong",
  "Châu",
  "Nghĩa",
  "Hội",
  "Lương",
  "Tiến",
  "Thịnh",
  "Minh",
  "Trung",
  "Cát",
  "Kim",
  "Ngọc",
  "Tường",
];

/** Names unique within one parent (a province's districts, a district's communes). */
export class PlaceNames {
  constructor(private readonly random: Random) {}

  unique(count: number, avoid: ReadonlySet<string> = new Set()): string[] {
    const names = new Set<string>();
    const limit = PLACE_SYLLABLES.length * (PLACE_SYLLABLES.length - 1);
    if (count > limit - avoid.size) throw new Error(`Cannot make ${count} distinct place names.`);
    while (names.size < count) {
      const first = this.random.pick(PLACE_SYLLABLES);
      const second = this.random.pick(PLACE_SYLLABLES);
      if (first === second) continue;
      const name = `${first} ${second}`;
      if (!avoid.has(name)) names.add(name);
    }
    return [...names];
  }
}

/** The Cần Thơ demo's name parts and a few more, for a whole country. */
const FAMILY = [...BASE_FAMILY, "Vũ", "Mai", "Cao", "Lương", "Triệu"];
const MIDDLE_MALE = [...BASE_MIDDLE_MALE, "Xuân"];
const MIDDLE_FEMALE = [...BASE_MIDDLE_FEMALE, "Diệu", "Phương"];
const GIVEN_MALE = [...BASE_GIVEN_MALE, "Bảo", "Kiên", "Huy", "Định"];
const GIVEN_FEMALE = [...BASE_GIVEN_FEMALE, "Hà"];

export interface Person {
  fullName: string;
  givenName: string;
}

/** Three- or four-part names (`Nguyễn Thị Thu Hà`); homonyms happen, as in life. */
export function personName(random: Random): Person {
  for (;;) {
    const female = random.chance(0.38);
    const family = random.pick(FAMILY);
    const middle = random.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
    const given = random.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    const second = random.chance(0.2) ? `${random.pick(female ? MIDDLE_FEMALE : GIVEN_MALE)} ` : "";
    const fullName = `${family} ${middle} ${second}${given}`;
    if (second.trim() === given || second.trim() === middle || REAL_NAMES.has(fullName)) continue;
    return { fullName, givenName: given };
  }
}
