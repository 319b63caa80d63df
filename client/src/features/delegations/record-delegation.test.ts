import dayjs from "dayjs";
import { toRecordDelegationInput } from "./RecordDelegationModal";

describe("recording a delegation", () => {
  it("sends the units by code, the day, the trimmed title and each member once, and no empty note", () => {
    expect(
      toRecordDelegationInput({
        leadingUnit: "925",
        visitedUnit: "925.02",
        visitedOn: dayjs("2016-09-20"),
        title: "  Làm việc với Đảng ủy xã Trung An ",
        members: ["M1", "M2", "M1"],
        note: "  ",
      }),
    ).toEqual({
      leadingUnit: { code: "925" },
      visitedUnit: { code: "925.02" },
      visitedOn: "2016-09-20",
      title: "Làm việc với Đảng ủy xã Trung An",
      members: ["M1", "M2"],
    });
  });

  it("keeps the conclusions when there are some", () => {
    const values = {
      leadingUnit: "925",
      visitedUnit: "925.02",
      visitedOn: dayjs("2016-09-20"),
      title: "x",
      members: ["M1"],
      note: " Thống nhất kiến nghị. ",
    };
    expect(toRecordDelegationInput(values).note).toBe("Thống nhất kiến nghị.");
  });
});
