import type { UnitPledgeFieldsFragment } from "../../gql/graphql";
import { unitPledgesSheet } from "./unit-pledges-export";

const pledge: UnitPledgeFieldsFragment = {
  id: "UGxlZGdlOjE",
  title: "Nâng cấp 13 km đường giao thông nông thôn",
  status: "CONFIRMED",
  category: "INFRASTRUCTURE",
  targetQuantity: 13,
  targetUnit: "km",
  achievedQuantity: 13,
  dueOn: "2014-12-31",
  reportNote: "Đã hoàn thành",
  rejectionReason: null,
  reportedAt: "2014-11-02T03:00:00.000Z",
  decidedAt: "2014-11-20T03:00:00.000Z",
  member: { id: "TWVtYmVyOjE", fullName: "Nguyễn Văn An" },
  decidedBy: { id: "T3JnVW5pdDo5", code: "926", name: "Phong Điền", kind: "RURAL_DISTRICT" },
  ntmCriterion: { id: "TnRtQ3JpdGVyaW9uOjI", number: 2, name: "Giao thông" },
};

describe("the unit's pledges sheet", () => {
  const sheet = unitPledgesSheet({ code: "926.05", name: "Mỹ Khánh", kind: "COMMUNE" }, 2014, [pledge]);

  it("is headed in Vietnamese and names the unit and year", () => {
    expect(sheet.title).toBe("Phần việc đăng ký năm 2014 — Xã Mỹ Khánh (mã 926.05)");
    expect(sheet.columns.map((c) => c.header)).toContain("Phần việc đăng ký");
    expect(sheet.columns.map((c) => c.header)).toContain("Trạng thái");
  });

  it("writes statuses, categories, criteria and the confirming committee in Vietnamese", () => {
    expect(sheet.rows).toEqual([
      [
        1,
        "Nâng cấp 13 km đường giao thông nông thôn",
        "Hạ tầng",
        "2. Giao thông",
        "Nguyễn Văn An",
        13,
        "km",
        "2014-12-31",
        "Đã xác nhận",
        13,
        "Đã hoàn thành",
        "Huyện Phong Điền",
        "2014-11-20",
        null,
      ],
    ]);
  });

  it("has one value per column in every row", () => {
    for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
  });
});
