import { translate } from "./translate";

describe("translate", () => {
  it("defaults to the message as written", () => {
    expect(translate("vi", "nav.overview")).toBe("Tổng quan");
    expect(translate("en", "nav.overview")).toBe("Overview");
  });

  it("fills placeholders from the parameters", () => {
    expect(translate("vi", "unitTitle.RURAL_DISTRICT", { name: "Cờ Đỏ" })).toBe("Huyện Cờ Đỏ");
    expect(translate("vi", "overview.subtitle", { unit: "Thành phố Cần Thơ", year: 2016 })).toBe(
      "Thành phố Cần Thơ, số liệu năm 2016",
    );
    expect(translate("en", "common.outOf", { part: 16, total: 36 })).toBe("16 of 36");
  });

  it("leaves a placeholder without a parameter as written", () => {
    expect(translate("vi", "common.outOf", { part: 16 })).toBe("16/{total}");
  });
});
