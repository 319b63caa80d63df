import dayjs from "dayjs";
import type { MyPledgeFieldsFragment } from "../../gql/graphql";
import {
  isEvidenceLink,
  isVisitDayAllowed,
  pledgeActions,
  pledgeFormValues,
  reportFormValues,
  toRecordVisitInput,
  toRegisterPledgeInput,
  toReportPledgeInput,
  toUpdatePledgeInput,
} from "./pledge-forms";

const pledge: MyPledgeFieldsFragment = {
  id: "UGxlZGdlOjEzNTk",
  title: "Vận động học bổng cho 5 học sinh nghèo",
  status: "REGISTERED",
  category: "EDUCATION",
  year: 2016,
  version: 3,
  targetQuantity: 5,
  targetUnit: "học sinh",
  achievedQuantity: null,
  dueOn: "2016-12-31",
  reportNote: null,
  evidenceNote: null,
  evidenceLinks: [],
  rejectionReason: null,
  reportedAt: null,
  decidedAt: null,
  decidedBy: null,
  ntmCriterion: null,
};

describe("pledgeActions", () => {
  it("offers edit, withdraw and report while registered", () => {
    expect(pledgeActions("REGISTERED")).toEqual({ edit: true, withdraw: true, report: true });
  });

  it("offers edit and report again after a rejection, but no withdrawal", () => {
    expect(pledgeActions("REJECTED")).toEqual({ edit: true, withdraw: false, report: true });
  });

  it("offers nothing once reported, confirmed or withdrawn", () => {
    for (const status of ["REPORTED", "CONFIRMED", "WITHDRAWN"] as const) {
      expect(pledgeActions(status)).toEqual({ edit: false, withdraw: false, report: false });
    }
  });
});

describe("toRegisterPledgeInput", () => {
  it("sends the trimmed title, the year, and only the optional fields filled in", () => {
    expect(
      toRegisterPledgeInput(
        {
          assignment: "QXNzaWdubWVudDo0NDk",
          title: "  Nâng cấp 13 km đường  ",
          category: "INFRASTRUCTURE",
          targetQuantity: 13,
          targetUnit: " km ",
          ntmCriterionNumber: 2,
          dueOn: dayjs("2016-12-31"),
        },
        2016,
      ),
    ).toEqual({
      assignment: "QXNzaWdubWVudDo0NDk",
      year: 2016,
      title: "Nâng cấp 13 km đường",
      category: "INFRASTRUCTURE",
      targetQuantity: 13,
      targetUnit: "km",
      ntmCriterionNumber: 2,
      dueOn: "2016-12-31",
    });
  });

  it("leaves out empty optional fields rather than sending empty strings", () => {
    expect(
      toRegisterPledgeInput(
        {
          assignment: "A",
          title: "Họp dân",
          category: "OTHER",
          targetUnit: "  ",
          targetQuantity: null,
          dueOn: null,
        },
        2016,
      ),
    ).toEqual({ assignment: "A", year: 2016, title: "Họp dân", category: "OTHER" });
  });
});

describe("toUpdatePledgeInput", () => {
  const values = pledgeFormValues(pledge, (day) => dayjs(day));

  it("sends nothing when nothing changed", () => {
    expect(toUpdatePledgeInput(pledge, values)).toBeNull();
  });

  it("sends only the changed fields with the loaded version", () => {
    expect(toUpdatePledgeInput(pledge, { ...values, targetQuantity: 7, title: pledge.title + " " })).toEqual({
      id: pledge.id,
      expectedVersion: 3,
      targetQuantity: 7,
    });
  });

  it("clears a field with null", () => {
    expect(toUpdatePledgeInput(pledge, { ...values, dueOn: null, targetUnit: "" })).toEqual({
      id: pledge.id,
      expectedVersion: 3,
      dueOn: null,
      targetUnit: null,
    });
  });

  it("sets and clears the NTM criterion", () => {
    expect(toUpdatePledgeInput(pledge, { ...values, ntmCriterionNumber: 14 })).toMatchObject({
      ntmCriterionNumber: 14,
    });
    const withCriterion = {
      ...pledge,
      ntmCriterion: { id: "c", number: 14, name: "Giáo dục", nameEn: "Education" },
    };
    expect(toUpdatePledgeInput(withCriterion, { ...values, ntmCriterionNumber: undefined })).toMatchObject({
      ntmCriterionNumber: null,
    });
  });
});

describe("the report", () => {
  it("sends the note, the quantity achieved and distinct evidence links, with the version", () => {
    expect(
      toReportPledgeInput(pledge, {
        reportNote: " Đã trao 5 suất học bổng ",
        achievedQuantity: 5,
        evidenceNote: "",
        evidenceLinks: ["https://example.org/a.pdf", " https://example.org/a.pdf", ""],
      }),
    ).toEqual({
      id: pledge.id,
      expectedVersion: 3,
      reportNote: "Đã trao 5 suất học bổng",
      achievedQuantity: 5,
      evidenceLinks: ["https://example.org/a.pdf"],
    });
  });

  it("starts again from the earlier report after a rejection", () => {
    const rejected = {
      ...pledge,
      status: "REJECTED" as const,
      reportNote: "Đã trao 3 suất",
      achievedQuantity: 3,
    };
    expect(reportFormValues(rejected)).toMatchObject({ reportNote: "Đã trao 3 suất", achievedQuantity: 3 });
  });

  it("accepts only http and https evidence links", () => {
    expect(isEvidenceLink("https://example.org/bien-ban.pdf")).toBe(true);
    expect(isEvidenceLink("http://10.0.0.1/a")).toBe(true);
    expect(isEvidenceLink("ftp://example.org/a")).toBe(false);
    expect(isEvidenceLink("bien-ban.pdf")).toBe(false);
  });
});

describe("visits", () => {
  it("sends the day as YYYY-MM-DD and leaves out an empty note", () => {
    expect(
      toRecordVisitInput({
        assignment: "A",
        visitedOn: dayjs("2016-09-05"),
        kind: "CELL_MEETING",
        note: " ",
      }),
    ).toEqual({ assignment: "A", visitedOn: "2016-09-05", kind: "CELL_MEETING" });
  });

  it("allows days within the assignment and not in the future", () => {
    const assignment = { startsOn: "2015-10-01", endsOn: null };
    expect(isVisitDayAllowed("2016-09-05", assignment, "2016-09-17")).toBe(true);
    expect(isVisitDayAllowed("2016-09-18", assignment, "2016-09-17")).toBe(false);
    expect(isVisitDayAllowed("2015-09-30", assignment, "2016-09-17")).toBe(false);
    expect(
      isVisitDayAllowed("2016-01-02", { startsOn: "2015-10-01", endsOn: "2016-01-01" }, "2016-09-17"),
    ).toBe(false);
  });
});
