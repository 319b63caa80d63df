import { childrenTitleKey, coverageOf, defaultOverviewUnit, overviewScopes } from "./overview-scope";

const coDo = { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" } as const;
const city = { code: "92", name: "Cần Thơ", kind: "CITY" } as const;

describe("the overview's unit", () => {
  it("is the city for anonymous callers", () => {
    expect(defaultOverviewUnit(undefined, "92")).toBe("92");
    expect(defaultOverviewUnit(null, "92")).toBe("92");
  });

  it("is the user's own unit when signed in", () => {
    expect(defaultOverviewUnit("925", "92")).toBe("925");
    expect(defaultOverviewUnit("92", "92")).toBe("92");
  });

  it("can switch between the city and the user's unit, unless that is the city", () => {
    expect(overviewScopes(coDo, "92")).toEqual({ city: "92", own: coDo });
    expect(overviewScopes(city, "92")).toBeNull();
    expect(overviewScopes(undefined, "92")).toBeNull();
  });
});

describe("coverageOf", () => {
  it("is full when the figures cover the asked unit", () => {
    expect(coverageOf("925", coDo)).toEqual({ kind: "full" });
  });

  it("names the user's unit when the figures cover only it", () => {
    expect(coverageOf("92", coDo)).toEqual({ kind: "partial", unit: coDo });
  });

  it("is none when nothing of the unit is visible", () => {
    expect(coverageOf("927", null)).toEqual({ kind: "none" });
  });
});

describe("childrenTitleKey", () => {
  it("names the level below", () => {
    expect(childrenTitleKey("CITY")).toBe("overview.children.districts");
    expect(childrenTitleKey("RURAL_DISTRICT")).toBe("overview.children.communes");
    expect(childrenTitleKey("COMMUNE")).toBe("overview.children.cells");
    expect(childrenTitleKey("HAMLET_CELL")).toBe("overview.children.other");
  });
});
