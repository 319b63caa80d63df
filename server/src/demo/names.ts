import type { Random } from "./random";

/** Fictional people: common Vietnamese name parts combined at random, never a real official of the article. */
export const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Hoàng",
  "Võ",
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
];
export const MIDDLE_MALE = ["Văn", "Minh", "Thanh", "Quốc", "Hữu", "Thành", "Hoàng", "Công", "Trọng", "Đức"];
export const MIDDLE_FEMALE = ["Thị", "Ngọc", "Thanh", "Kim", "Thu", "Bích", "Mỹ", "Hồng"];
export const GIVEN_MALE = [
  "An",
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
];
export const GIVEN_FEMALE = [
  "Anh",
  "Châu",
  "Diễm",
  "Dung",
  "Giang",
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

/** Names of real officials quoted in the source article: the generator never produces them. */
export const REAL_NAMES = new Set([
  "Lê Hoàng Nam",
  "Nguyễn Huỳnh Lam Đa",
  "Châu Việt Tha",
  "Trần Quốc Trung",
]);

export interface GeneratedPerson {
  fullName: string;
  givenName: string;
  female: boolean;
}

export class NameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): GeneratedPerson {
    for (;;) {
      const female = this.random.chance(0.35);
      const family = this.random.pick(FAMILY);
      const middle = this.random.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
      const given = this.random.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
      const fullName = `${family} ${middle} ${given}`;
      // Homonyms are normal in real life; keep them rare so that demo searches stay readable.
      if (REAL_NAMES.has(fullName) || (this.used.has(fullName) && this.random.chance(0.9))) continue;
      this.used.add(fullName);
      return { fullName, givenName: given, female };
    }
  }
}

const HAMLET_WORDS = [
  "Thới",
  "Thạnh",
  "Trường",
  "Đông",
  "Tân",
  "Phú",
  "Hòa",
  "Lợi",
  "An",
  "Mỹ",
  "Long",
  "Bình",
  "Hưng",
  "Phước",
  "Lộc",
  "Xuân",
  "Định",
  "Nhơn",
  "Thuận",
  "Vĩnh",
];

/** Hamlet names like `Ấp Thới Hòa A`; unique within one commune. */
export function hamletNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const base = `${random.pick(HAMLET_WORDS)} ${random.pick(HAMLET_WORDS)}`;
    if (base.split(" ")[0] === base.split(" ")[1]) continue;
    const name = random.chance(0.3) ? `Ấp ${base} ${random.pick(["A", "B"])}` : `Ấp ${base}`;
    names.add(name);
  }
  return [...names];
}

/** Urban area cells are numbered: `Khu vực 1`, `Khu vực 2`, … */
export function areaNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Khu vực ${i + 1}`);
}
