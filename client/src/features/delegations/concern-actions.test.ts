import dayjs from "dayjs";
import { concernActions, managesConcerns, toRaiseConcernInput, yearRange } from "./concern-actions";

describe("concernActions", () => {
  it("lets a committee name a handler of an open concern, and start it once named", () => {
    expect(concernActions("OPEN", false)).toEqual({ assign: true, start: false, resolve: false });
    expect(concernActions("OPEN", true)).toEqual({ assign: true, start: true, resolve: true });
  });

  it("lets a committee resolve a concern in progress", () => {
    expect(concernActions("IN_PROGRESS", true)).toEqual({ assign: false, start: false, resolve: true });
  });

  it("leaves a resolved concern alone", () => {
    expect(concernActions("RESOLVED", true)).toEqual({ assign: false, start: false, resolve: false });
  });

  it("is for committees and the city office", () => {
    expect(managesConcerns(["COMMITTEE"])).toBe(true);
    expect(managesConcerns(["ADMIN", "COMMITTEE"])).toBe(true);
    expect(managesConcerns(["VIEWER"])).toBe(false);
    expect(managesConcerns(["MEMBER"])).toBe(false);
  });
});

describe("toRaiseConcernInput", () => {
  it("names the raising unit by code and leaves out what was not given", () => {
    expect(
      toRaiseConcernInput({ raisedBy: "925.03", title: " Thiếu vốn đối ứng ", description: " " }),
    ).toEqual({
      raisedBy: { code: "925.03" },
      title: "Thiếu vốn đối ứng",
    });
  });

  it("sends the day and the delegation when given", () => {
    expect(
      toRaiseConcernInput({
        raisedBy: "925",
        title: "Tiêu thụ nông sản",
        raisedOn: dayjs("2016-08-10"),
        delegation: "RGVsZWdhdGlvbjo4",
      }),
    ).toEqual({
      raisedBy: { code: "925" },
      title: "Tiêu thụ nông sản",
      raisedOn: "2016-08-10",
      delegation: "RGVsZWdhdGlvbjo4",
    });
  });
});

describe("yearRange", () => {
  it("spans the year, or nothing for all years", () => {
    expect(yearRange(2016)).toEqual({ from: "2016-01-01", to: "2016-12-31" });
    expect(yearRange(null)).toEqual({ from: null, to: null });
  });
});
