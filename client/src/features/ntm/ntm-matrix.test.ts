import dayjs from "dayjs";
import type { NtmMatrixQuery } from "../../gql/graphql";
import {
  canRecogniseCommune,
  canRecogniseDistrict,
  ntmMatrix,
  ntmMatrixSheet,
  ntmPermissions,
  recognisedCount,
  recognitionsOf,
  toRecognizeNtmInput,
  toSetNtmCriterionStatusInput,
} from "./ntm-matrix";

type Child = NtmMatrixQuery["orgUnit"]["children"][number];

const status = (number: number, met: boolean) => ({
  id: `s${number}`,
  met,
  metOn: met ? "2016-05-01" : null,
  evidence: null,
  criterion: { id: `c${number}`, number },
});

const all = (met: (n: number) => boolean) => Array.from({ length: 19 }, (_, i) => status(i + 1, met(i + 1)));

const children: Child[] = [
  {
    id: "1",
    code: "925.01",
    name: "Cờ Đỏ",
    kind: "TOWNSHIP",
    ntmCriteriaMet: 0,
    ntmRecognition: null,
    ntmStatuses: [],
  },
  {
    id: "2",
    code: "925.04",
    name: "Thạnh Phú",
    kind: "COMMUNE",
    ntmCriteriaMet: 19,
    ntmRecognition: { id: "r", decisionNumber: "104/QĐ-UBND", decidedOn: "2016-08-16", year: 2016 },
    ntmStatuses: all(() => true),
  },
  {
    id: "3",
    code: "925.03",
    name: "Trung Thạnh",
    kind: "COMMUNE",
    ntmCriteriaMet: 2,
    ntmRecognition: null,
    ntmStatuses: [status(2, true), status(4, true), status(1, false)],
  },
];

describe("the NTM matrix", () => {
  const rows = ntmMatrix(children);

  it("has a row per xã only, with each criterion met, not met or not assessed", () => {
    expect(rows.map((row) => row.name)).toEqual(["Thạnh Phú", "Trung Thạnh"]);
    expect(rows[1].met.slice(0, 5)).toEqual([false, true, null, true, null]);
    expect(rows[1].met).toHaveLength(19);
  });

  it("counts the communes recognised by the end of the year", () => {
    expect(recognisedCount(rows, 2016)).toEqual({ recognised: 1, total: 2 });
    expect(recognisedCount(rows, 2015)).toEqual({ recognised: 0, total: 2 });
  });

  it("offers recognition only to a commune meeting all 19 criteria without a decision", () => {
    expect(canRecogniseCommune(rows[0])).toBe(false); // already recognised
    expect(canRecogniseCommune(rows[1])).toBe(false); // 2 of 19
    expect(canRecogniseCommune({ ...rows[1], metCount: 19 })).toBe(true);
  });

  it("offers recognition to a rural district only when all its xã are recognised", () => {
    const district = { kind: "RURAL_DISTRICT" as const, ntmRecognition: null };
    expect(canRecogniseDistrict(district, rows)).toBe(false);
    expect(canRecogniseDistrict(district, [rows[0]])).toBe(true);
    expect(canRecogniseDistrict({ ...district, kind: "URBAN_DISTRICT" }, [rows[0]])).toBe(false);
  });
});

describe("ntmPermissions", () => {
  const district = { code: "925", ancestors: [{ code: "92" }] };

  it("lets the city office and committee assess and recognise everything in the district", () => {
    const admin = ntmPermissions({ roles: ["ADMIN", "COMMITTEE"], unitCode: "92" }, district);
    expect([admin.assess("925.03"), admin.recogniseCommune, admin.recogniseDistrict]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("lets the district committee assess and recognise its xã but not itself", () => {
    const committee = ntmPermissions({ roles: ["COMMITTEE"], unitCode: "925" }, district);
    expect([committee.assess("925.03"), committee.recogniseCommune, committee.recogniseDistrict]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("lets a commune committee assess only its own commune", () => {
    const commune = ntmPermissions({ roles: ["COMMITTEE"], unitCode: "925.02" }, district);
    expect([commune.assess("925.02"), commune.assess("925.03"), commune.recogniseCommune]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("gives viewers, members, other districts and anonymous visitors nothing to change", () => {
    for (const user of [
      { roles: ["VIEWER"], unitCode: "92" },
      { roles: ["MEMBER"], unitCode: "925" },
      { roles: ["COMMITTEE"], unitCode: "927" },
      null,
    ]) {
      const can = ntmPermissions(user, district);
      expect([can.assess("925.03"), can.recogniseCommune, can.recogniseDistrict]).toEqual([
        false,
        false,
        false,
      ]);
    }
  });
});

describe("the NTM forms", () => {
  it("sends a met criterion with its date and evidence", () => {
    expect(
      toSetNtmCriterionStatusInput("925.03", 2016, {
        criterionNumber: 3,
        met: true,
        metOn: dayjs("2016-09-01"),
        evidence: " Biên bản thẩm định ",
      }),
    ).toEqual({
      unit: { code: "925.03" },
      year: 2016,
      criterionNumber: 3,
      met: true,
      metOn: "2016-09-01",
      evidence: "Biên bản thẩm định",
    });
  });

  it("never sends a date with an unmet criterion", () => {
    expect(
      toSetNtmCriterionStatusInput("925.03", 2016, {
        criterionNumber: 3,
        met: false,
        metOn: dayjs("2016-09-01"),
      }),
    ).toEqual({ unit: { code: "925.03" }, year: 2016, criterionNumber: 3, met: false });
  });

  it("sends a recognition decision's number and day", () => {
    expect(
      toRecognizeNtmInput("925.03", { decisionNumber: " 3456/QĐ-UBND ", decidedOn: dayjs("2016-12-20") }),
    ).toEqual({ unit: { code: "925.03" }, decisionNumber: "3456/QĐ-UBND", decidedOn: "2016-12-20" });
  });
});

describe("the NTM sheet", () => {
  const criteria = Array.from({ length: 19 }, (_, i) => ({
    number: i + 1,
    name: i === 1 ? "Giao thông" : `Tiêu chí ${i + 1}`,
  }));
  const sheet = ntmMatrixSheet(
    { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" },
    2016,
    criteria,
    ntmMatrix(children),
  );

  it("has Vietnamese headers, one column per criterion", () => {
    expect(sheet.title).toContain("Huyện Cờ Đỏ");
    expect(sheet.columns[0].header).toBe("STT");
    expect(sheet.columns[1].header).toBe("Xã");
    expect(sheet.columns[4].header).toBe("2. Giao thông");
    expect(sheet.columns).toHaveLength(3 + 19 + 3);
  });

  it("writes Đạt / Chưa đạt / Chưa đánh giá and the decision", () => {
    const [thanhPhu, trungThanh] = sheet.rows;
    expect(thanhPhu.slice(0, 4)).toEqual([1, "Thạnh Phú", "925.04", "Đạt"]);
    expect(thanhPhu.slice(-3)).toEqual([19, "104/QĐ-UBND", "2016-08-16"]);
    expect(trungThanh.slice(3, 6)).toEqual(["Chưa đạt", "Đạt", "Chưa đánh giá"]);
    for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
  });
});

describe("recognitionsOf", () => {
  it("lists the decisions of the communes and of the district, latest first", () => {
    const rows = ntmMatrix(children);
    const district = {
      code: "925",
      name: "Cờ Đỏ",
      kind: "RURAL_DISTRICT" as const,
      ntmRecognition: { id: "d", decisionNumber: "9/QĐ-TTg", decidedOn: "2017-01-05", year: 2017 },
    };
    expect(recognitionsOf(district, rows).map((r) => [r.unit.code, r.decisionNumber])).toEqual([
      ["925", "9/QĐ-TTg"],
      ["925.04", "104/QĐ-UBND"],
    ]);
    expect(recognitionsOf({ ...district, ntmRecognition: null }, [])).toEqual([]);
  });
});
