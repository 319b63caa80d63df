import dayjs from "dayjs";
import { directivesFor, isDayAllowed, isUnder, toAssignMemberInput } from "./assignment-forms";

describe("assignment forms", () => {
  it("know a unit's subtree by its code", () => {
    expect(isUnder("925.02.03", "925")).toBe(true);
    expect(isUnder("925", "925")).toBe(true);
    expect(isUnder("9250", "925")).toBe(false);
    expect(isUnder("92", "925")).toBe(false);
  });

  it("offer the directives issued by the unit or above it, highest first, not elsewhere nor central ones", () => {
    const directive = (id: string, code: string | null) => ({
      id,
      number: id,
      title: id,
      issuerUnit: code ? { id: code, code } : null,
    });
    const offered = directivesFor("925.02.03", [
      directive("Trung An", "925.02"),
      directive("05-NQ/HU", "927"),
      directive("03-NQ/HU", "925"),
      directive("45-NQ/TW", null),
    ]);
    expect(offered.map((d) => d.id)).toEqual(["03-NQ/HU", "Trung An"]);
  });

  it("turn the form into assignMember's input, leaving out an end not given", () => {
    const values = {
      member: "M1",
      directive: "D1",
      scope: "COMPREHENSIVE" as const,
      startsOn: dayjs("2016-10-01"),
      endsOn: null,
    };
    expect(toAssignMemberInput("925.02.03", values)).toEqual({
      member: "M1",
      directive: "D1",
      unit: { code: "925.02.03" },
      scope: "COMPREHENSIVE",
      startsOn: "2016-10-01",
    });
    expect(toAssignMemberInput("925.02.03", { ...values, endsOn: dayjs("2020-09-30") }).endsOn).toBe(
      "2020-09-30",
    );
  });

  it("allow ends and hand-overs from the first day on", () => {
    expect(isDayAllowed("2016-10-01", "2016-10-01")).toBe(true);
    expect(isDayAllowed("2016-09-30", "2016-10-01")).toBe(false);
  });
});
