import units from "../demo/data/can-tho-2016-units.json";
import { searchForm, sortKey } from "./vietnamese";

describe("searchForm", () => {
  it.each([
    ["Cần Thơ", "can tho"],
    ["Đông Bình", "dong binh"],
    ["  Thới   Lai ", "thoi lai"],
    ["TRƯỜNG XUÂN A", "truong xuan a"],
    ["Ô Môn", "o mon"],
  ])("%s → %s", (input, expected) => expect(searchForm(input)).toBe(expected));
});

describe("sortKey", () => {
  const collator = new Intl.Collator("vi");

  it("orders the real unit names of Cần Thơ as Intl.Collator('vi') does", () => {
    const names = [
      ...new Set(
        units.districts.flatMap((d) => [
          d.name,
          ...(d.wards ?? []),
          ...(d.communes ?? []),
          ...(d.townships ?? []),
        ]),
      ),
    ];
    const byCollator = [...names].sort(collator.compare);
    const byKey = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    expect(byKey).toEqual(byCollator);
  });

  it("puts base letters before tones: a ă â, d đ, o ô ơ, u ư, then the tones of one letter", () => {
    const ordered = [
      "An",
      "Ăn",
      "Ân",
      "Da",
      "Đa",
      "Ma",
      "Mà",
      "Mả",
      "Mã",
      "Má",
      "Mạ",
      "Mo",
      "Mô",
      "Mơ",
      "Tu",
      "Tư",
    ];
    expect([...ordered].reverse().sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual(ordered);
  });

  it("sorts a shorter name before a longer one that starts with it", () => {
    expect(sortKey("Thới An") < sortKey("Thới An Đông")).toBe(true);
  });

  it("uses only digits and a space, so that any database collation keeps its order", () => {
    expect(sortKey("Trường Xuân B")).toMatch(/^[0-9]+ [0-9]+$/);
  });
});
