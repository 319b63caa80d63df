import type { Random } from "../random";

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

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Hoàng",
  "Võ",
  "Vũ",
  "Phan",
  "Trương",
  "Bùi",
  "Đặng",
  "Đỗ",
  "Ngô",
  "Hồ",
  "Dương",
  "Lý",
  "Đinh",
  "Lâm",
  "Châu",
  "Tạ",
  "Mai",
  "Cao",
  "Lương",
  "Triệu",
];
const MIDDLE_MALE = ["Văn", "Minh", "Thanh", "Quốc", "Hữu", "Thành", "Hoàng", "Công", "Trọng", "Đức", "Xuân"];
const MIDDLE_FEMALE = ["Thị", "Ngọc", "Thanh", "Kim", "Thu", "Bích", "Mỹ", "Hồng", "Diệu", "Phương"];
const GIVEN_MALE = [
  "An",
  "Bảo",
  "Bình",
  "Cường",
  "Dũng",
  "Đạt",
  "Hải",
  "Hiếu",
  "Hòa",
  "Hùng",
  "Khang",
  "Khoa",
  "Lộc",
  "Long",
  "Luân",
  "Nghĩa",
  "Nhân",
  "Phong",
  "Phúc",
  "Quang",
  "Sơn",
  "Tài",
  "Tâm",
  "Thắng",
  "Thiện",
  "Toàn",
  "Trí",
  "Tuấn",
  "Việt",
  "Vinh",
  "Vũ",
  "Kiên",
  "Huy",
  "Định",
];
const GIVEN_FEMALE = [
  "Anh",
  "Châu",
  "Diễm",
  "Dung",
  "Giang",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hương",
  "Lan",
  "Linh",
  "Loan",
  "Mai",
  "Ngân",
  "Nhung",
  "Oanh",
  "Phượng",
  "Quyên",
  "Thảo",
  "Thủy",
  "Trang",
  "Trinh",
  "Tuyết",
  "Vân",
  "Xuân",
  "Yến",
];
/** Officials the source article names: never generated. */
const REAL_NAMES = new Set(["Lê Hoàng Nam", "Nguyễn Huỳnh Lam Đa", "Châu Việt Tha", "Trần Quốc Trung"]);

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
