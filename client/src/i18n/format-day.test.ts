import { formatDay } from "./format";

describe("formatDay", () => {
  it("writes a day as dd/mm/yyyy in both languages", () => {
    expect(formatDay("vi", "2016-09-17")).toBe("17/09/2016");
    expect(formatDay("en", "2016-09-17")).toBe("17/09/2016");
  });

  it("gives an em dash for no day or an unreadable one", () => {
    expect(formatDay("vi", null)).toBe("—");
    expect(formatDay("vi", "soon")).toBe("—");
  });
});
