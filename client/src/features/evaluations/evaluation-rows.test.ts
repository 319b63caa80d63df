import type { EvaluationFieldsFragment } from "../../gql/graphql";
import { evaluationsSheet, gradeCounts, toSetFinalGradeInput } from "./evaluation-rows";

const evaluation: EvaluationFieldsFragment = {
  id: "RXZhbHVhdGlvbjo3NjY",
  year: 2016,
  proposedGrade: "EXCELLENT",
  finalGrade: null,
  note: "Hoàn thành tốt các phần việc",
  updatedAt: "2016-09-17T03:00:00.000Z",
  decidedBy: null,
  member: {
    id: "TWVtYmVyOjQwMw",
    fullName: "Đinh Đức Thắng",
    code: "CB00403",
    homeUnit: { id: "T3JnVW5pdDoy", code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" },
  },
};

describe("toSetFinalGradeInput", () => {
  it("sets the grade for the member and year, keeping the remarks when untouched", () => {
    expect(
      toSetFinalGradeInput(evaluation, { grade: "GOOD", note: "Hoàn thành tốt các phần việc " }),
    ).toEqual({
      member: "TWVtYmVyOjQwMw",
      year: 2016,
      grade: "GOOD",
    });
  });

  it("sends changed remarks, and null to clear them", () => {
    expect(toSetFinalGradeInput(evaluation, { grade: "GOOD", note: "Cần thêm minh chứng" })).toMatchObject({
      note: "Cần thêm minh chứng",
    });
    expect(toSetFinalGradeInput(evaluation, { grade: "GOOD", note: "  " })).toMatchObject({ note: null });
  });
});

describe("gradeCounts", () => {
  it("counts proposed and final grades, best first", () => {
    const counts = gradeCounts([
      { proposedGrade: "EXCELLENT", finalGrade: "GOOD" },
      { proposedGrade: "EXCELLENT", finalGrade: null },
      { proposedGrade: null, finalGrade: null },
    ]);
    expect(counts[0]).toEqual({ grade: "EXCELLENT", proposed: 2, final: 0 });
    expect(counts[1]).toEqual({ grade: "GOOD", proposed: 0, final: 1 });
    expect(counts.map((c) => c.grade)).toEqual(["EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"]);
  });
});

describe("the evaluations sheet", () => {
  const sheet = evaluationsSheet({ code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" }, 2016, [evaluation]);

  it("has Vietnamese headers", () => {
    expect(sheet.columns.map((c) => c.header)).toEqual([
      "STT",
      "Họ và tên",
      "Mã cán bộ",
      "Đơn vị công tác",
      "Xếp loại đề xuất",
      "Xếp loại của cấp ủy",
      "Cấp ủy quyết định",
      "Ngày cập nhật",
      "Ghi chú",
    ]);
    expect(sheet.title).toBe("Đánh giá, xếp loại cán bộ phụ trách năm 2016 — Huyện Cờ Đỏ (mã 925)");
  });

  it("writes grades in their Vietnamese wording", () => {
    expect(sheet.rows[0]).toEqual([
      1,
      "Đinh Đức Thắng",
      "CB00403",
      "Huyện Cờ Đỏ",
      "Hoàn thành xuất sắc nhiệm vụ",
      null,
      null,
      "2016-09-17",
      "Hoàn thành tốt các phần việc",
    ]);
  });
});
