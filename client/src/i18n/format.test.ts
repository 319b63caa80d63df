import { formatLongDate, formatNumber, formatPercent } from "./format";

describe("formatNumber", () => {
  it("groups thousands with a dot and decimals with a comma in Vietnamese", () => {
    expect(formatNumber("vi", 1033)).toBe("1.033");
    expect(formatNumber("vi", 17.33)).toBe("17,3");
  });

  it("groups thousands with a comma in English", () => {
    expect(formatNumber("en", 1033)).toBe("1,033");
  });
});

describe("formatPercent", () => {
  it("shows a share as a percentage with one decimal", () => {
    expect(formatPercent("vi", 0.3157)).toBe("31,6%");
    expect(formatPercent("en", 0.3157)).toBe("31.6%");
  });

  it("shows a dash when there is no share to show", () => {
    expect(formatPercent("vi", null)).toBe("—");
  });
});

describe("formatLongDate", () => {
  it("writes the weekday and month in Vietnamese, capitalised", () => {
    expect(formatLongDate("vi", "2016-12-31")).toBe("Thứ bảy, 31 tháng 12 năm 2016");
  });

  it("writes the date in English", () => {
    expect(formatLongDate("en", "2016-12-31")).toBe("Saturday, December 31, 2016");
  });
});
