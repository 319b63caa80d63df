import { createHash } from "node:crypto";
import { buildCanThoDemo } from "./can-tho";

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

describe("the Cần Thơ demo data", () => {
  it("is deterministic: the same seed gives the same rows", () => {
    expect(digest(buildCanThoDemo(7))).toBe(digest(buildCanThoDemo(7)));
    expect(digest(buildCanThoDemo(7))).not.toBe(digest(buildCanThoDemo(8)));
  });

  const data = buildCanThoDemo();

  it("has only generated people, none named like the officials the article quotes", () => {
    expect(data.members.every((m) => m.generated === true)).toBe(true);
    const names = new Set(data.members.map((m) => m.fullName));
    for (const real of ["Lê Hoàng Nam", "Nguyễn Huỳnh Lam Đa", "Châu Việt Tha", "Trần Quốc Trung"])
      expect(names.has(real)).toBe(false);
  });

  it("has pledges in every status for 2015 and 2016, and visits with months below two", () => {
    for (const year of [2015, 2016]) {
      const statuses = new Set(data.pledges.filter((p) => p.year === year).map((p) => p.status));
      expect([...statuses].sort()).toEqual(["CONFIRMED", "REGISTERED", "REJECTED", "REPORTED", "WITHDRAWN"]);
    }
    const perMonth = new Map<string, number>();
    for (const v of data.visits)
      perMonth.set(
        `${v.assignmentId}:${String(v.visitedOn).slice(0, 7)}`,
        (perMonth.get(`${v.assignmentId}:${String(v.visitedOn).slice(0, 7)}`) ?? 0) + 1,
      );
    expect([...perMonth.values()].some((n) => n < 2)).toBe(true);
    expect([...perMonth.values()].some((n) => n >= 2)).toBe(true);
  });

  it("marks generated cells outside the three districts the article counts", () => {
    const cells = data.orgUnits.filter((u) => u.level === "CELL");
    const articleDistricts = new Set(
      data.orgUnits.filter((u) => ["916", "925", "927"].includes(String(u.code))).map((u) => `/1/${u.id}/`),
    );
    for (const cell of cells) {
      const inArticle = [...articleDistricts].some((p) => String(cell.path).startsWith(p));
      expect(cell.generated).toBe(!inArticle);
    }
  });

  it("keeps every decision and visit on or before the demo's today (the article's date)", () => {
    expect(data.visits.every((v) => String(v.visitedOn) <= "2016-09-17")).toBe(true);
    expect(data.ntmRecognitions.every((r) => String(r.decidedOn) <= "2016-09-17")).toBe(true);
  });
});
